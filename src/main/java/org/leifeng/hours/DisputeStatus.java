package org.leifeng.hours;

/** A dispute is OPEN until the organiser answers it with a correction (CORRECTED) or a reply (ANSWERED). */
public enum DisputeStatus { OPEN, CORRECTED, ANSWERED }
