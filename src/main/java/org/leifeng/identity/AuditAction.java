package org.leifeng.identity;

/**
 * What an audit entry says was done. Each module names its actions in an enum of its own that implements this, so a
 * module cannot write an action it has not named, and the codes stay exactly what the log and its readers know.
 */
public interface AuditAction {

    /** The action as the audit log stores it and the audit page shows it, e.g. {@code account.passwordChanged}. */
    String code();
}
