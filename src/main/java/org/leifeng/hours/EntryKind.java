package org.leifeng.hours;

/** What an entry of the ledger says; see V11 for the meaning of each. */
public enum EntryKind {
    CREDIT, MANUAL, APPROVAL, REJECTION, CORRECTION, REFUSED
}
