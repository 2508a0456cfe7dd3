package org.leifeng.identity;

import org.leifeng.platform.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in person changes their own password; their API tokens stop working. */
@Service
class PasswordChange {

    private final AccountStore accounts;
    private final Passwords passwords;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    PasswordChange(AccountStore accounts, Passwords passwords, ApiTokens tokens, AuditTrail audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Transactional
    void change(Caller caller, String currentPassword, String newPassword) {
        String hash = accounts.passwordHash(caller.accountId()).orElseThrow(NotSignedIn::new);
        if (!passwords.matches(currentPassword, hash)) {
            throw new RuleViolation("problem.wrongCurrentPassword", "The current password is wrong.");
        }
        accounts.updatePassword(caller.accountId(), passwords.hash("newPassword", newPassword, caller.displayName()));
        tokens.revokeAll(caller.accountId());
        audit.describe(AccountAudit.PASSWORD_CHANGED, "account", caller.accountId(), null);
    }
}
