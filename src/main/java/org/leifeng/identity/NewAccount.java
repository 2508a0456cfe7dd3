package org.leifeng.identity;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request to create an account. Usernames are letters, digits and {@code . _ @ -} (a phone number qualifies);
 * passwords 8 to 64 characters and at most 72 bytes, the most BCrypt reads.
 */
public record NewAccount(
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "{validation.username}")
        String username,
        @NotNull @Size(min = 8, max = 64) String password,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Grant> grants) {
}
