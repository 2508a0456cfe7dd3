package org.leifeng.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A request to add a node under {@code parentId}. */
public record NewOrganisation(@NotBlank @Size(max = 100) String name, @NotNull OrganisationType type,
        @NotNull @Positive Long parentId) {

    public NewOrganisation {
        name = name == null ? null : name.strip();
    }
}
