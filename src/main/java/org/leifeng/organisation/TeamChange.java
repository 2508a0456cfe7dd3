package org.leifeng.organisation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A partial change of a team: absent fields stay as they are. */
public record TeamChange(@Size(max = 100) @Pattern(regexp = ".*\\S.*") String name, @Size(max = 2000) String description,
        @Positive Long leaderAccountId, Boolean active) {

    public TeamChange {
        name = name == null ? null : name.strip();
        description = description == null ? null : description.strip();
    }
}
