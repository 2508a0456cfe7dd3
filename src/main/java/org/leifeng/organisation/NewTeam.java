package org.leifeng.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A request to found a team under {@code organisationId}, led by the account {@code leaderAccountId}. */
public record NewTeam(@NotNull @Positive Long organisationId, @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description, @NotNull @Positive Long leaderAccountId) {

    public NewTeam {
        name = name == null ? null : name.strip();
        description = description == null || description.isBlank() ? null : description.strip();
    }
}
