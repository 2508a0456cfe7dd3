package org.leifeng.activity;

/** A shift is OPEN until it is cancelled; a CANCELLED shift holds no places and takes no sign-ups or check-ins. */
public enum ShiftStatus { OPEN, CANCELLED }
