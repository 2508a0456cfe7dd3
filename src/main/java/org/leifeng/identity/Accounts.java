package org.leifeng.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leifeng.platform.Masking;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts and granting roles. Granting anything over an organisation needs ORG_ADMIN over it, which is the
 * most anyone can hold there: so nobody grants more than they hold, and nobody grants outside their subtree.
 */
@Service
public class Accounts {

    private final AccountStore store;
    private final Passwords passwords;
    private final AccessControl access;
    private final AuditTrail audit;
    private final OrganisationDirectory organisations;
    private final ApplicationEventPublisher events;
    private final ApiTokens tokens;
    private final BrowserSessions sessions;

    Accounts(AccountStore store, Passwords passwords, AccessControl access, AuditTrail audit,
            OrganisationDirectory organisations, ApplicationEventPublisher events, ApiTokens tokens,
            BrowserSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.store = store;
        this.passwords = passwords;
        this.access = access;
        this.audit = audit;
        this.organisations = organisations;
        this.events = events;
    }

    /** An administrator creates an account with grants within their own subtree. */
    @Transactional
    public AccountView create(NewAccount request) {
        Caller caller = access.caller();
        request.grants().forEach(grant -> access.require(Role.ORG_ADMIN, grant.organisationId()));
        AccountView account = provision(request.username(), request.password(), request.grants(), caller.accountId());
        audit.describe(AccountAudit.ACCOUNT_CREATED, "account", account.id(), request.grants().get(0).organisationId());
        return account;
    }

    /**
     * Creates an account for the platform itself (bootstrap, demo data, self-registration): no caller is checked,
     * so callers of this method decide who may reach it.
     */
    @Transactional
    public AccountView provision(String username, String password, List<Grant> grants, Long grantedBy) {
        long id = store.insert(username, passwords.hash("password", password, username));
        grants.forEach(grant -> store.insertGrant(id, grant, grantedBy));
        AccountView account = store.find(id).orElseThrow();
        events.publishEvent(new AccountCreated(id, account.username()));
        return account;
    }

    /**
     * 400 naming {@code field} when the password is too easy to guess, counting the person's own details (name, phone,
     * document number) as known words: for callers that know more about the person than the account does.
     */
    public void requireStrongPassword(String field, String password, String... personalWords) {
        passwords.requireStrong(field, password, personalWords);
    }

    /**
     * Creates many accounts that share one password (demo data, bulk import): the password is hashed once, since
     * BCrypt is deliberately slow. Answers the new ids in the order given.
     */
    @Transactional
    public List<Long> provisionBatch(List<String> usernames, String sharedPassword, List<List<Grant>> grants) {
        String hash = passwords.hash("password", sharedPassword);
        List<Long> ids = new ArrayList<>(usernames.size());
        for (int i = 0; i < usernames.size(); i++) {
            long id = store.insert(usernames.get(i), hash);
            grants.get(i).forEach(grant -> store.insertGrant(id, grant, null));
            events.publishEvent(new AccountCreated(id, SignInNames.mobileNumber(usernames.get(i))
                    .map(Masking::phone).orElse(usernames.get(i))));
            ids.add(id);
        }
        return ids;
    }

    /**
     * Closes an account at once: it can no longer sign in, its tokens and sessions end, and its username (a phone
     * number, for volunteers) is released. The row stays, so history that names it keeps its meaning.
     */
    @Transactional
    public void close(long accountId) {
        store.find(accountId).ifPresent(account -> {
            store.close(accountId, passwords.hash("password", UUID.randomUUID().toString()));
            tokens.revokeAll(accountId);
            sessions.endAllOf(accountId);
        });
    }

    /**
     * Grants a role that a rule of the platform decides on, such as TEAM_LEADER for whoever leads a team: no caller
     * is checked, so callers of this method decide who may reach it. Answers whether the grant is new.
     */
    @Transactional
    public boolean grantOnBehalfOfPlatform(long accountId, Grant grant) {
        return store.insertGrant(accountId, grant, access.currentCaller().map(Caller::accountId).orElse(null));
    }

    /**
     * The id of an account by its username or mobile number, for the platform itself (demo data): no caller is
     * checked.
     */
    @Transactional(readOnly = true)
    public Optional<Long> idOfUsername(String username) {
        return store.findBySignInName(username).map(AccountStore.StoredAccount::id);
    }

    /**
     * The account, if the caller is it, administers the whole city, or administers an organisation the account holds
     * a grant on; otherwise 404.
     */
    @Transactional(readOnly = true)
    public AccountView get(long accountId) {
        Caller caller = access.caller();
        AccountView account = store.find(accountId).orElseThrow(() -> new NotFound("account", accountId));
        boolean visible = caller.accountId() == accountId || access.holds(Role.ORG_ADMIN, organisations.rootId())
                || account.grants().stream().anyMatch(grant -> access.holds(Role.ORG_ADMIN, grant.organisationId()));
        if (!visible) {
            throw new NotFound("account", accountId);
        }
        return account;
    }

    /** Accounts with a grant inside the caller's administered subtrees. */
    @Transactional(readOnly = true)
    public PageResult<AccountView> list(String query, PageRequest page) {
        List<String> scope = access.scopePaths(Role.ORG_ADMIN);
        if (scope.isEmpty()) {
            return new PageResult<>(List.of(), page.page(), page.size(), 0);
        }
        boolean wholeCity = scope.contains(organisations.pathOf(organisations.rootId()).orElse("/"));
        return store.page(wholeCity ? null : organisations.idsWithin(scope), query, page);
    }

    @Transactional
    public AccountView grant(long accountId, Grant grant) {
        Caller caller = access.caller();
        get(accountId);
        access.require(Role.ORG_ADMIN, grant.organisationId());
        store.insertGrant(accountId, grant, caller.accountId());
        audit.describe(AccountAudit.ACCOUNT_GRANTED, "account", accountId, grant.organisationId(),
                grant.role() + " over " + grant.organisationId());
        return store.find(accountId).orElseThrow();
    }

    @Transactional
    public AccountView revoke(long accountId, Grant grant) {
        get(accountId);
        access.require(Role.ORG_ADMIN, grant.organisationId());
        boolean lastCityAdministrator = grant.role() == Role.ORG_ADMIN
                && grant.organisationId() == organisations.rootId()
                && store.lockAndCountGrants(Role.ORG_ADMIN, grant.organisationId()) <= 1;
        if (lastCityAdministrator) {
            throw new RuleViolation("problem.lastCityAdministrator", "The city must keep at least one administrator.");
        }
        if (!store.deleteGrant(accountId, grant)) {
            throw new NotFound("grant", grant.role() + "@" + grant.organisationId());
        }
        audit.describe(AccountAudit.ACCOUNT_REVOKED, "account", accountId, grant.organisationId(),
                grant.role() + " over " + grant.organisationId());
        return store.find(accountId).orElseThrow();
    }
}
