package org.leifeng.attendance;

/**
 * How a check-in or check-out was made: QR (the volunteer's phone scanned the shift's code, inside the geofence),
 * KIOSK (the organiser entered the volunteer's number) or CLOSING (the organiser closed the check-in after the shift;
 * check-outs only).
 */
public enum AttendanceMethod { QR, KIOSK, CLOSING }
