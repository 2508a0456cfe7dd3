package org.leifeng.activity;

/** DRAFT → PUBLISHED → COMPLETED, or CANCELLED from DRAFT or PUBLISHED. Only PUBLISHED takes sign-ups. */
public enum ActivityStatus { DRAFT, PUBLISHED, COMPLETED, CANCELLED }
