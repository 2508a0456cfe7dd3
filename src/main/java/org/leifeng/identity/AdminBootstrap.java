package org.leifeng.identity;

import java.security.SecureRandom;
import java.util.List;

import org.leifeng.platform.Conflict;
import org.leifeng.platform.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On a database without accounts, creates {@code admin}, the city administrator (ORG_ADMIN over the root), with
 * {@code LEIFENG_ADMIN_PASSWORD} or a random password that is printed once, here and never again. A given password
 * that is easy to guess stops the start: the operator chose it, and an administrator's account guarded by it would
 * be the easiest way in.
 */
@Component
@Order(50)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountStore store;
    private final Accounts accounts;
    private final OrganisationDirectory organisations;
    private final SecurityProperties properties;

    AdminBootstrap(AccountStore store, Accounts accounts, OrganisationDirectory organisations,
            SecurityProperties properties) {
        this.store = store;
        this.accounts = accounts;
        this.organisations = organisations;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.exists(ADMIN)) {
            return;
        }
        boolean given = StringUtils.hasText(properties.adminPassword());
        String password = given ? properties.adminPassword() : randomPassword();
        try {
            accounts.provision(ADMIN, password, List.of(new Grant(Role.ORG_ADMIN, organisations.rootId())), null);
        } catch (DataIntegrityViolationException | Conflict raced) {
            return;
        } catch (InvalidInput refused) {
            throw new IllegalStateException("LEIFENG_ADMIN_PASSWORD is refused: it must be 8 to 72 bytes and not easy "
                    + "to guess (no common password, word, name, sequence or repeat on its own). Choose a few unrelated "
                    + "words, or leave it empty for a random password printed once.");
        }
        if (given) {
            log.info("Created the city administrator '{}' with the password from LEIFENG_ADMIN_PASSWORD", ADMIN);
        } else {
            log.warn("""

                    ============================================================
                      Created the city administrator: sign in as '{}'
                      with the password  {}
                      It is shown only this once: write it down, then change it.
                    ============================================================""", ADMIN, password);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
