package org.leifeng.identity;

/**
 * What the identity module writes in the audit log: accounts, their grants, sign-ins and tokens. The codes are what
 * the log stores and the audit page filters by: they never change.
 */
enum AccountAudit implements AuditAction {
    ACCOUNT_CREATED("account.created"),
    ACCOUNT_GRANTED("account.granted"),
    ACCOUNT_REVOKED("account.revoked"),
    PASSWORD_CHANGED("account.passwordChanged"),
    SIGNED_IN("auth.signIn"),
    TOKEN_ISSUED("auth.token"),
    SIGNED_OUT("auth.logout");

    private final String code;

    AccountAudit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
