package org.leifeng.volunteer;

import java.util.Optional;

import org.leifeng.identity.AccountId;
import org.leifeng.identity.VolunteerDirectory;
import org.springframework.stereotype.Component;

/** Tells identity which volunteer an account belongs to, for {@code GET /api/v1/me}. */
@Component
class AccountsOfVolunteers implements VolunteerDirectory {

    private final VolunteerStore store;

    AccountsOfVolunteers(VolunteerStore store) {
        this.store = store;
    }

    @Override
    public Optional<Long> volunteerIdOf(AccountId account) {
        return store.idOfAccount(account.value());
    }
}
