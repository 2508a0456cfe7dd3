package org.leifeng.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.leifeng.platform.Conflict;
import org.leifeng.platform.Masking;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.leifeng.platform.PersonalData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for accounts and their grants. An account is named by its username, or, when that is a mobile number (every
 * volunteer's), by the number's blind index and its masked form: the number itself is stored nowhere. What accounts
 * show as their name ({@code displayName}) is the username or the masked number.
 */
@Repository
class AccountStore {

    private static final String DISPLAY_NAME = "coalesce(username, phone_masked)";
    private static final String STORED_ACCOUNT = "SELECT id, " + DISPLAY_NAME
            + ", password_hash, enabled, locked_until FROM account";

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    AccountStore(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    /** Answers the new account's id; a username or mobile number already taken is refused by a unique index (409). */
    long insert(String username, String passwordHash) {
        Optional<String> mobile = SignInNames.mobileNumber(username);
        String displayName = mobile.map(Masking::phone).orElse(username);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO account (username, phone_index, phone_masked, password_hash)
                    VALUES (:username, :phoneIndex, :phoneMasked, :hash)""")
                    .param("username", mobile.isPresent() ? null : username)
                    .param("phoneIndex", mobile.map(this::mobileIndex).orElse(null))
                    .param("phoneMasked", mobile.map(Masking::phone).orElse(null))
                    .param("hash", passwordHash)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new Conflict("problem.usernameTaken", "The username " + displayName + " is taken.", displayName);
        }
        return keys.getKey().longValue();
    }

    byte[] mobileIndex(String mobileNumber) {
        return personalData.blindIndex(SignInNames.MOBILE_INDEX, mobileNumber);
    }

    /** Inserts the grant unless the account already has it; answers whether it was new. */
    boolean insertGrant(long accountId, Grant grant, Long grantedBy) {
        return jdbc.sql("""
                INSERT INTO role_grant (account_id, role, organisation_id, granted_by)
                VALUES (:account, :role, :organisation, :grantedBy)
                ON CONFLICT ON CONSTRAINT role_grant_once DO NOTHING""")
                .param("account", accountId).param("role", grant.role().name())
                .param("organisation", grant.organisationId()).param("grantedBy", grantedBy)
                .update() == 1;
    }

    boolean deleteGrant(long accountId, Grant grant) {
        return jdbc.sql("DELETE FROM role_grant WHERE account_id = :account AND role = :role AND organisation_id = :organisation")
                .param("account", accountId).param("role", grant.role().name())
                .param("organisation", grant.organisationId()).update() == 1;
    }

    /** Counts the holders of a role on one organisation, locking their grants until the transaction ends. */
    int lockAndCountGrants(Role role, long organisationId) {
        return jdbc.sql("SELECT id FROM role_grant WHERE role = :role AND organisation_id = :organisation FOR UPDATE")
                .param("role", role.name()).param("organisation", organisationId).query(Long.class).list().size();
    }

    /** The account a person means by what they type to sign in: a username (any case) or a mobile number. */
    Optional<StoredAccount> findBySignInName(String typed) {
        return findBySignInName(typed, "");
    }

    /** As {@link #findBySignInName(String)}, locking the row until the transaction ends: sign-ins of one account take turns. */
    Optional<StoredAccount> findBySignInNameForUpdate(String typed) {
        return findBySignInName(typed, " FOR UPDATE");
    }

    private Optional<StoredAccount> findBySignInName(String typed, String lock) {
        Optional<String> mobile = SignInNames.mobileNumber(typed);
        var query = mobile.isPresent()
                ? jdbc.sql(STORED_ACCOUNT + " WHERE phone_index = :index" + lock).param("index", mobileIndex(mobile.get()))
                : jdbc.sql(STORED_ACCOUNT + " WHERE lower(username) = lower(:username)" + lock).param("username", typed);
        return query.query((rs, row) -> new StoredAccount(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    Optional<String> passwordHash(long accountId) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", accountId)
                .query(String.class).optional();
    }

    void updatePassword(long accountId, String hash) {
        jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id").param("id", accountId).param("hash", hash)
                .update();
    }

    /**
     * Disables the account and renames it {@code closed-<id>}, so its old username or mobile number can be registered
     * again.
     */
    void close(long accountId, String unusableHash) {
        jdbc.sql("""
                UPDATE account SET enabled = FALSE, username = 'closed-' || id, phone_index = NULL, phone_masked = NULL,
                    password_hash = :hash
                WHERE id = :id""")
                .param("id", accountId).param("hash", unusableHash).update();
    }

    boolean exists(String username) {
        return findBySignInName(username).isPresent();
    }

    Optional<AccountView> find(long accountId) {
        return views(List.of(accountId)).stream().findFirst();
    }

    /**
     * Accounts holding a grant on one of {@code organisationIds} (all accounts when null), filtered by a fragment of
     * the name they show (a whole mobile number finds its account through the blind index), newest first.
     */
    PageResult<AccountView> page(Collection<Long> organisationIds, String query, PageRequest page) {
        String where = """
                WHERE (CAST(:orgs AS BIGINT[]) IS NULL OR EXISTS (SELECT 1 FROM role_grant g
                       WHERE g.account_id = a.id AND g.organisation_id = ANY(CAST(:orgs AS BIGINT[]))))
                  AND (:query = '' OR lower(coalesce(a.username, a.phone_masked)) LIKE '%' || lower(:query) || '%'
                       OR a.phone_index = :mobileIndex)""";
        Long[] orgs = organisationIds == null ? null : organisationIds.toArray(Long[]::new);
        String fragment = query == null ? "" : query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        byte[] mobileIndex = SignInNames.mobileNumber(query).map(this::mobileIndex).orElse(null);
        long total = jdbc.sql("SELECT count(*) FROM account a " + where)
                .param("orgs", orgs).param("query", fragment).param("mobileIndex", mobileIndex)
                .query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT a.id FROM account a " + where + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .param("orgs", orgs).param("query", fragment).param("mobileIndex", mobileIndex)
                .param("limit", page.size()).param("offset", page.offset())
                .query(Long.class).list();
        return new PageResult<>(views(ids), page.page(), page.size(), total);
    }

    private List<AccountView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] idArray = ids.toArray(Long[]::new);
        Map<Long, List<Grant>> grants = jdbc.sql("""
                SELECT account_id, role, organisation_id FROM role_grant
                WHERE account_id = ANY(:ids) ORDER BY id""")
                .param("ids", idArray)
                .query((rs, row) -> Map.entry(rs.getLong(1), new Grant(Role.valueOf(rs.getString(2)), rs.getLong(3))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, AccountView> accounts = jdbc.sql("SELECT id, " + DISPLAY_NAME + ", enabled, created_at FROM account WHERE id = ANY(:ids)")
                .param("ids", idArray)
                .query((rs, row) -> new AccountView(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class), grants.getOrDefault(rs.getLong(1), List.of())))
                .list().stream().collect(Collectors.toMap(AccountView::id, account -> account));
        return ids.stream().map(accounts::get).filter(Objects::nonNull).toList();
    }

    record StoredAccount(long id, String displayName, String passwordHash, boolean enabled, OffsetDateTime lockedUntil) {
    }
}
