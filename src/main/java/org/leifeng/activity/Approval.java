package org.leifeng.activity;

/** AUTO confirms a sign-up while places are free; MANUAL holds the place as PENDING until the organiser decides. */
public enum Approval { AUTO, MANUAL }
