package org.leifeng.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Deciding join requests, and the caller's own teams. */
@RestController
@Tag(name = "Teams")
class JoinRequestController {

    private final TeamMemberships memberships;

    JoinRequestController(TeamMemberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/api/v1/join-requests/{id}/approve")
    @Operation(summary = "Approve a waiting request (leader or administrator): the asker becomes a member")
    JoinRequest approve(@PathVariable @Positive long id) {
        return memberships.approve(id);
    }

    @PostMapping("/api/v1/join-requests/{id}/reject")
    @Operation(summary = "Reject a waiting request with a reason the asker will see")
    JoinRequest reject(@PathVariable @Positive long id, @Valid @RequestBody Rejection rejection) {
        return memberships.reject(id, rejection.reason());
    }

    @PostMapping("/api/v1/join-requests/{id}/withdraw")
    @Operation(summary = "Take back one's own waiting request")
    JoinRequest withdraw(@PathVariable @Positive long id) {
        return memberships.withdraw(id);
    }

    @GetMapping("/api/v1/me/teams")
    @Operation(summary = "The teams the caller is a member of now")
    PageResult<TeamSummary> myTeams(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return memberships.myTeams(PageRequest.of(page, size));
    }

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }
}
