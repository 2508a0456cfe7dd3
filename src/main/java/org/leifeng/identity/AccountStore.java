package org.leifeng.identity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.leifeng.platform.Conflict;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for accounts and their grants. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String passwordHash) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO account (username, password_hash) VALUES (:username, :hash)")
                    .param("username", username).param("hash", passwordHash)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new Conflict("problem.usernameTaken", "The username " + username + " is taken.", username);
        }
        return keys.getKey().longValue();
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

    Optional<StoredAccount> findByUsername(String username) {
        return findByUsername(username, "");
    }

    /** As {@link #findByUsername(String)}, locking the row until the transaction ends: sign-ins of one account take turns. */
    Optional<StoredAccount> findByUsernameForUpdate(String username) {
        return findByUsername(username, " FOR UPDATE");
    }

    private Optional<StoredAccount> findByUsername(String username, String lock) {
        return jdbc.sql("""
                SELECT id, username, password_hash, enabled, locked_until FROM account
                WHERE lower(username) = lower(:username)""" + lock)
                .param("username", username)
                .query((rs, row) -> new StoredAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class)))
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

    /** Disables the account and renames it {@code closed-<id>}, so its old username can be registered again. */
    void close(long accountId, String unusableHash) {
        jdbc.sql("UPDATE account SET enabled = FALSE, username = 'closed-' || id, password_hash = :hash WHERE id = :id")
                .param("id", accountId).param("hash", unusableHash).update();
    }

    boolean exists(String username) {
        return findByUsername(username).isPresent();
    }

    Optional<AccountView> find(long accountId) {
        return views(List.of(accountId)).stream().findFirst();
    }

    /**
     * Accounts holding a grant on one of {@code organisationIds} (all accounts when null), filtered by a username
     * fragment, newest first.
     */
    PageResult<AccountView> page(Collection<Long> organisationIds, String query, PageRequest page) {
        String where = """
                WHERE (CAST(:orgs AS BIGINT[]) IS NULL OR EXISTS (SELECT 1 FROM role_grant g
                       WHERE g.account_id = a.id AND g.organisation_id = ANY(CAST(:orgs AS BIGINT[]))))
                  AND (:query = '' OR lower(a.username) LIKE '%' || lower(:query) || '%')""";
        Long[] orgs = organisationIds == null ? null : organisationIds.toArray(Long[]::new);
        String fragment = query == null ? "" : query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        long total = jdbc.sql("SELECT count(*) FROM account a " + where)
                .param("orgs", orgs).param("query", fragment).query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT a.id FROM account a " + where + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
                .param("orgs", orgs).param("query", fragment)
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
        Map<Long, AccountView> accounts = jdbc.sql("SELECT id, username, enabled, created_at FROM account WHERE id = ANY(:ids)")
                .param("ids", idArray)
                .query((rs, row) -> new AccountView(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class), grants.getOrDefault(rs.getLong(1), List.of())))
                .list().stream().collect(Collectors.toMap(AccountView::id, account -> account));
        return ids.stream().map(accounts::get).filter(java.util.Objects::nonNull).toList();
    }

    record StoredAccount(long id, String username, String passwordHash, boolean enabled, OffsetDateTime lockedUntil) {
    }
}
