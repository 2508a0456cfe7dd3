package org.leifeng.attendance;

/**
 * Where an attendance stands: CHECKED_IN (no check-out yet), CHECKED_OUT, or CLOSED (the organiser closed it
 * without credit). The attendance row holds no status column; the store names it from the row's times and flag.
 */
public enum AttendanceStatus { CHECKED_IN, CHECKED_OUT, CLOSED }
