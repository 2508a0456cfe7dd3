package org.leifeng.organisation;

import java.net.URI;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.MergePatch;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamController {

    private final Teams teams;
    private final TeamMemberships memberships;
    private final MergePatch mergePatch;

    TeamController(Teams teams, TeamMemberships memberships, MergePatch mergePatch) {
        this.teams = teams;
        this.memberships = memberships;
        this.mergePatch = mergePatch;
    }

    @PostMapping
    @Operation(summary = "Found a team under an organisation the caller administers; its leader becomes a member")
    ResponseEntity<TeamResponse> create(@Valid @RequestBody NewTeam request) {
        Team created = teams.create(request);
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(TeamResponse.of(created));
    }

    @GetMapping
    @Operation(summary = "Teams the caller can see (in their organisations' subtrees, or theirs), by name, paged")
    PageResult<TeamResponse> search(@RequestParam(required = false) @Positive Long organisationId,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return teams.search(organisationId, q, PageRequest.of(page, size)).map(TeamResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One team; the invite code only for its leader and administrators")
    TeamResponse get(@PathVariable @Positive long id) {
        return TeamResponse.of(teams.get(id));
    }

    @PatchMapping(path = "/{id}", consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Rename, describe or hand over a team (leader or administrator); activate or deactivate it (administrator)",
            description = "JSON Merge Patch (RFC 7396): only the fields sent change; null clears the description.")
    TeamResponse update(@PathVariable @Positive long id,
            @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = TeamPatch.class))) JsonNode patch) {
        TeamPatch merged = mergePatch.apply(TeamPatch.of(teams.get(id)), patch, TeamPatch.class);
        return TeamResponse.of(teams.update(id, merged.toChange()));
    }

    /** A team's changeable fields, all of them, for merging a PATCH onto; only the description may be cleared. */
    record TeamPatch(@NotNull @Size(max = 100) @Pattern(regexp = ".*\\S.*") String name,
            @Size(max = 2000) String description, @NotNull @Positive Long leaderAccountId, @NotNull Boolean active) {

        static TeamPatch of(Team team) {
            return new TeamPatch(team.name(), team.description(), team.leaderAccountId(), team.active());
        }

        /** A cleared description is an empty one for {@link Teams#update}, which keeps what is null. */
        TeamChange toChange() {
            return new TeamChange(name, description == null ? "" : description, leaderAccountId, active);
        }
    }

    @PostMapping("/{id}/invite-code")
    @Operation(summary = "Replace the invite code; the old one stops working")
    TeamResponse regenerateInviteCode(@PathVariable @Positive long id) {
        return TeamResponse.of(teams.regenerateInviteCode(id));
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "Live members (leader or administrator); history=true adds those who left or were removed")
    PageResult<TeamMember> members(@PathVariable @Positive long id, @RequestParam(defaultValue = "false") boolean history,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return memberships.members(id, history, PageRequest.of(page, size));
    }

    @DeleteMapping("/{id}/members/{accountId}")
    @Operation(summary = "Remove a member (leader or administrator); the membership is kept as history")
    ResponseEntity<Void> remove(@PathVariable @Positive long id, @PathVariable @Positive long accountId,
            @RequestParam(required = false) @Size(max = 500) String reason) {
        memberships.remove(id, accountId, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/join-requests")
    @Operation(summary = "Ask to join a team; 409 if already a member or a request is waiting")
    ResponseEntity<JoinRequest> requestToJoin(@PathVariable @Positive long id,
            @Valid @RequestBody(required = false) JoinAsk ask) {
        JoinRequest request = memberships.requestToJoin(id, ask == null ? null : ask.message());
        return ResponseEntity.created(URI.create("/api/v1/join-requests/" + request.id())).body(request);
    }

    @GetMapping("/{id}/join-requests")
    @Operation(summary = "Join requests of a team (leader or administrator), oldest first")
    PageResult<JoinRequest> requests(@PathVariable @Positive long id,
            @RequestParam(required = false) JoinRequestStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return memberships.requests(id, status, PageRequest.of(page, size));
    }

    @PostMapping("/join")
    @Operation(summary = "Join a team at once with its invite code; 404 for a wrong code")
    TeamResponse joinWithCode(@Valid @RequestBody InviteCode request) {
        return TeamResponse.of(memberships.joinWithCode(request.inviteCode()));
    }

    @PostMapping("/{id}/leave")
    @Operation(summary = "Leave a team; the membership is kept as history")
    ResponseEntity<Void> leave(@PathVariable @Positive long id) {
        memberships.leave(id);
        return ResponseEntity.noContent().build();
    }

    record JoinAsk(@Size(max = 500) String message) {
    }

    record InviteCode(@NotBlank @Size(max = 20) String inviteCode) {
    }

    record TeamResponse(long id, long organisationId, String organisationName, String name, String description,
            long leaderAccountId, boolean active, int memberCount, OffsetDateTime createdAt, String inviteCode,
            boolean manageable) {
        static TeamResponse of(Team team) {
            return new TeamResponse(team.id(), team.organisationId(), team.organisationName(), team.name(),
                    team.description(), team.leaderAccountId(), team.active(), team.memberCount(), team.createdAt(),
                    team.inviteCode(), team.managedByCaller());
        }
    }
}
