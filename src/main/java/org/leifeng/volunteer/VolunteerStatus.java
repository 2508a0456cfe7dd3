package org.leifeng.volunteer;

/** A volunteer is ACTIVE until their registration is closed (CLOSED: anonymised, takes no part any more). */
public enum VolunteerStatus { ACTIVE, CLOSED }
