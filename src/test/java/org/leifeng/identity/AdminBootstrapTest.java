package org.leifeng.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The bootstrap administrator's password from the environment meets the rules every other password meets. */
class AdminBootstrapTest {

    private final AccountStore store = mock(AccountStore.class);
    private final Accounts accounts = mock(Accounts.class);
    private final OrganisationDirectory organisations = mock(OrganisationDirectory.class);
    private final Passwords passwords = new Passwords(new PasswordStrength());

    @BeforeEach
    void anEmptyDatabase() {
        when(store.exists(AdminBootstrap.ADMIN)).thenReturn(false);
        when(organisations.rootId()).thenReturn(1L);
        // As the real Accounts does: the password is hashed, and so checked, before anything is written.
        when(accounts.provision(anyString(), anyString(), anyList(), any())).thenAnswer(call -> {
            String username = call.getArgument(0);
            String password = call.getArgument(1);
            passwords.hash("password", password, username);
            return null;
        });
    }

    private AdminBootstrap bootstrap(String adminPassword) {
        return new AdminBootstrap(store, accounts, organisations,
                new SecurityProperties(adminPassword, Duration.ofHours(12), null));
    }

    @Test
    void refusesToStartWithAnEasilyGuessedAdminPasswordFromTheEnvironment() {
        AdminBootstrap bootstrap = bootstrap("admin123");

        assertThatThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEIFENG_ADMIN_PASSWORD is refused")
                .hasMessageNotContaining("admin123");
    }

    @Test
    void startsWithAStrongAdminPasswordOrARandomOne() {
        bootstrap("test-admin-password").run(new DefaultApplicationArguments());
        bootstrap("").run(new DefaultApplicationArguments());

        verify(accounts, times(2)).provision(anyString(), anyString(), anyList(), any());
    }
}
