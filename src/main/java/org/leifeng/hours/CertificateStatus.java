package org.leifeng.hours;

/** A certificate is VALID until a later change of the volunteer's records supersedes it (SUPERSEDED). */
public enum CertificateStatus { VALID, SUPERSEDED }
