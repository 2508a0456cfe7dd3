package org.leifeng.hours;

/**
 * Where a record of service stands once its ledger entries are folded: CREDITED (counts), PENDING (a manual entry
 * waiting for approval), REJECTED (a manual entry turned down) or REFUSED (service the ledger could not credit).
 */
public enum ServiceRecordStatus { CREDITED, PENDING, REJECTED, REFUSED }
