package org.leifeng.volunteer;

public enum Sex { MALE, FEMALE }
