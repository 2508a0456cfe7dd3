package org.leifeng.identity;

import java.util.Optional;

/** Which volunteer, if any, an account belongs to; implemented by the volunteer module so identity stays below it. */
public interface VolunteerDirectory {

    Optional<Long> volunteerIdOf(AccountId account);
}
