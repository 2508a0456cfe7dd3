package org.leifeng.identity;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in account behind a request; kept in the browser session, so it is small and serializable. Its
 * {@code displayName} is the username, or the masked mobile number of a volunteer: the full number is never held here.
 */
public record Caller(long accountId, String displayName) implements AuthenticatedPrincipal, Serializable {

    /**
     * The name Spring Security gives the authentication and Spring Session indexes the browser session under
     * ({@code spring_session.principal_name}): the account id, so no phone number ends up there.
     */
    @Override
    public String getName() {
        return principalName(accountId);
    }

    /** The account, typed for the questions other modules answer about it. */
    public AccountId account() {
        return new AccountId(accountId);
    }

    static String principalName(long accountId) {
        return "account:" + accountId;
    }
}
