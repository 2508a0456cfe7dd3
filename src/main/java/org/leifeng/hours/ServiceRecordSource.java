package org.leifeng.hours;

/** Where a record of service comes from: ATTENDANCE (a check-out, by QR or kiosk) or MANUAL (entered by an organiser). */
public enum ServiceRecordSource { ATTENDANCE, MANUAL }
