package org.leifeng.identity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A role over an organisation and everything under it. */
public record Grant(@NotNull Role role, @NotNull @Positive Long organisationId) {
}
