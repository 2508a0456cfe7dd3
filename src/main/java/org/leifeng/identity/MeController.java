package org.leifeng.identity;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Authentication")
class MeController {

    private final AccessControl access;
    private final PasswordChange passwordChange;
    private final ObjectProvider<VolunteerDirectory> volunteers;

    MeController(AccessControl access, PasswordChange passwordChange, ObjectProvider<VolunteerDirectory> volunteers) {
        this.access = access;
        this.passwordChange = passwordChange;
        this.volunteers = volunteers;
    }

    @GetMapping
    @Operation(summary = "Who the caller is and what they hold")
    Me me() {
        Caller caller = access.caller();
        List<Grant> grants = access.grants().stream()
                .map(grant -> new Grant(grant.role(), grant.organisationId())).toList();
        Long volunteerId = volunteers.stream().flatMap(directory -> directory.volunteerIdOf(caller.account()).stream())
                .findFirst().orElse(null);
        return new Me(caller.accountId(), caller.displayName(), volunteerId, grants);
    }

    @PutMapping("/password")
    @Operation(summary = "Change the caller's password; every API token of the account is revoked")
    ResponseEntity<Void> changePassword(@Valid @RequestBody NewPassword request) {
        passwordChange.change(access.caller(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code username} is the account's username, or the volunteer's mobile number masked; {@code volunteerId} is
     * present when the account belongs to a registered volunteer.
     */
    record Me(long id, String username, Long volunteerId, List<Grant> grants) {
    }

    record NewPassword(@NotBlank @Size(max = 200) String currentPassword, @NotNull @Size(min = 8, max = 64) String newPassword) {
    }
}
