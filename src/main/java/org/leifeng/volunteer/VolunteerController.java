package org.leifeng.volunteer;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.ClientThrottle;
import org.leifeng.platform.MergePatch;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Volunteers")
class VolunteerController {

    private final Volunteers volunteers;
    private final TeamMembers teamMembers;
    private final MergePatch mergePatch;
    private final ClientThrottle throttle;

    VolunteerController(Volunteers volunteers, TeamMembers teamMembers, MergePatch mergePatch,
            ClientThrottle throttle) {
        this.throttle = throttle;
        this.volunteers = volunteers;
        this.teamMembers = teamMembers;
        this.mergePatch = mergePatch;
    }

    @PostMapping("/volunteers")
    @Operation(summary = "Register as a volunteer (open to anyone)",
            description = "Creates the volunteer and an account whose username is the mobile number. 409 when the "
                    + "document or the phone is already registered; 422 when a minor lacks a guardian or consent; "
                    + "429 with Retry-After after too many from one address (default 10 a minute, 60 an hour).")
    ResponseEntity<VolunteerProfile> register(@Valid @RequestBody Registration registration,
            HttpServletRequest request) {
        throttle.admit(ClientThrottle.Action.REGISTRATION, request.getRemoteAddr());
        VolunteerProfile profile = volunteers.register(registration);
        return ResponseEntity.created(URI.create("/api/v1/volunteers/" + profile.id())).body(profile);
    }

    @GetMapping("/volunteers/me")
    @Operation(summary = "The signed-in volunteer's own profile")
    VolunteerProfile me() {
        return volunteers.ofCurrentCaller().orElseThrow(() -> new NotFound("volunteer", "me"));
    }

    @GetMapping("/volunteers/{id}")
    @Operation(summary = "A masked profile: for the volunteer and for administrators over their organisation")
    VolunteerProfile get(@PathVariable @Positive long id) {
        return volunteers.get(id);
    }

    @GetMapping("/volunteers")
    @Operation(summary = "Search volunteers within the caller's administered subtrees",
            description = "q: name prefix; number: volunteer number; phone: exact mobile number; skill: skill code; "
                    + "teamId: live members of a team.")
    PageResult<VolunteerSummary> search(@RequestParam(required = false) @Positive Long organisationId,
            @RequestParam(required = false) @Size(max = 50) String q,
            @RequestParam(required = false) @Size(max = 20) String number,
            @RequestParam(required = false) @Size(max = 20) String phone,
            @RequestParam(required = false) @Size(max = 40) String skill,
            @RequestParam(required = false) @Positive Long teamId,
            @RequestParam(defaultValue = "false") boolean includeClosed,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        VolunteerQuery query = new VolunteerQuery(organisationId, q, number, phone, skill, teamId, includeClosed);
        List<Long> members = teamId == null ? null : teamMembers.accountsOf(teamId);
        return volunteers.search(query, members, PageRequest.of(page, size));
    }

    @PatchMapping(path = "/volunteers/{id}", consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change skills, tags, service areas, availability and emergency contact",
            description = "JSON Merge Patch (RFC 7396): only the fields sent change; null clears one. The emergency "
                    + "contact is replaced whole (name, phone, relation) or left as it is.")
    VolunteerProfile update(@PathVariable @Positive long id,
            @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ProfileChange.class))) JsonNode patch) {
        ProfileChange change = mergePatch.apply(ProfileChange.of(volunteers.get(id)), patch, ProfileChange.class);
        return volunteers.updateProfile(id, change, !patch.has("emergencyContact"));
    }

    @PostMapping("/volunteers/{id}/id-number/reveal")
    @Operation(summary = "Reveal the full ID number (administrators over the volunteer; the reason is audited)")
    RevealedIdNumber reveal(@PathVariable @Positive long id, @Valid @RequestBody RevealRequest request) {
        return new RevealedIdNumber(volunteers.revealIdNumber(id, request.reason()));
    }

    @GetMapping("/volunteers/{id}/export")
    @Operation(summary = "Download all of one's own data as JSON")
    ResponseEntity<VolunteerExport> export(@PathVariable @Positive long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"leifeng-volunteer-" + id + ".json\"")
                .body(volunteers.export(id));
    }

    @PostMapping("/volunteers/{id}/close")
    @Operation(summary = "Leave the platform: the account closes at once and personal data is erased")
    ResponseEntity<Void> close(@PathVariable @Positive long id) {
        volunteers.close(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/volunteers/{id}/insurance")
    @Operation(summary = "Record the volunteer's accident insurance (administrators over the volunteer)")
    VolunteerFacts insurance(@PathVariable @Positive long id, @Valid @RequestBody Insurance request) {
        return volunteers.recordInsurance(id, request.insuredUntil());
    }

    @GetMapping("/skills")
    @Operation(summary = "The skills volunteers can list, with Chinese and English names")
    List<VolunteerProfile.Skill> skills() {
        return volunteers.skillCatalogue();
    }

    /** Covered until this day inclusive; null records that the volunteer has no insurance. */
    record Insurance(LocalDate insuredUntil) {
    }

    record RevealRequest(@NotBlank @Size(min = 4, max = 200) String reason) {
    }

    record RevealedIdNumber(String idNumber) {
    }
}
