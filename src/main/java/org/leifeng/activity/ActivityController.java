package org.leifeng.activity;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activities and sign-up")
class ActivityController {

    private final Activities activities;
    private final SignUps signUps;
    private final MergePatch mergePatch;

    ActivityController(Activities activities, SignUps signUps, MergePatch mergePatch) {
        this.activities = activities;
        this.signUps = signUps;
        this.mergePatch = mergePatch;
    }

    @PostMapping("/activities")
    @Operation(summary = "Create an activity with its shifts (DRAFT); admins or team leaders over the organiser")
    ResponseEntity<ActivityView> create(@Valid @RequestBody NewActivity request) {
        ActivityView activity = activities.create(request);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(activity);
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "An activity with its shifts and their capacity, confirmed and waitlisted counts")
    ActivityView get(@PathVariable @Positive long id) {
        return activities.get(id);
    }

    @PatchMapping(path = "/activities/{id}", consumes = {MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change an activity's description, place, rules and approval (organisers)",
            description = "JSON Merge Patch (RFC 7396): only the fields sent change; null clears one (400 for a "
                    + "required one).")
    ActivityView update(@PathVariable @Positive long id,
            @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ActivityChange.class))) JsonNode patch) {
        ActivityChange change = mergePatch.apply(ActivityChange.of(activities.get(id)), patch, ActivityChange.class);
        return activities.update(id, change);
    }

    @PostMapping("/activities/{id}/publish")
    ActivityView publish(@PathVariable @Positive long id) {
        return activities.publish(id);
    }

    @PutMapping("/activities/{id}/people-served")
    ActivityView peopleServed(@PathVariable @Positive long id, @Valid @RequestBody PeopleServed body) {
        return activities.recordPeopleServed(id, body.peopleServed());
    }

    record PeopleServed(@NotNull @Min(0) @Max(10_000_000) Integer peopleServed) {
    }

    @PostMapping("/activities/{id}/complete")
    ActivityView complete(@PathVariable @Positive long id) {
        return activities.complete(id);
    }

    @PostMapping("/activities/{id}/cancel")
    @Operation(summary = "Cancel the activity and its open shifts; their volunteers are told")
    ActivityView cancel(@PathVariable @Positive long id) {
        return activities.cancel(id);
    }

    @PostMapping("/activities/{id}/shifts")
    ResponseEntity<ShiftView> addShift(@PathVariable @Positive long id, @Valid @RequestBody NewShift shift) {
        ShiftView added = activities.addShift(id, shift);
        return ResponseEntity.created(URI.create("/api/v1/shifts/" + added.id())).body(added);
    }

    @PutMapping("/shifts/{id}")
    @Operation(summary = "Change a shift; capacity never below the places held, extra places go to the waiting list")
    ShiftView editShift(@PathVariable @Positive long id, @Valid @RequestBody NewShift change) {
        return activities.editShift(id, change);
    }

    @PostMapping("/shifts/{id}/cancel")
    ShiftView cancelShift(@PathVariable @Positive long id) {
        return activities.cancelShift(id);
    }

    @PostMapping("/shifts/{id}/signups")
    @Operation(summary = "Sign up for a shift (a volunteer for themself, an organiser with volunteerId)",
            description = "201 CONFIRMED, PENDING (manual approval) or WAITLISTED; 409 when already signed up (with "
                    + "signupId) or overlapping; 422 when not eligible (with reasons) or outside the window.")
    ResponseEntity<SignupView> signUp(@PathVariable @Positive long id,
            @Valid @RequestBody(required = false) SignupRequest request) {
        SignupView signup = signUps.signUp(id, request == null ? null : request.volunteerId());
        return ResponseEntity.created(URI.create("/api/v1/signups/" + signup.id())).body(signup);
    }

    @GetMapping("/shifts/{id}/signups")
    @Operation(summary = "The sign-ups of a shift, waiting list in order (organisers)")
    PageResult<SignupView> signupsOfShift(@PathVariable @Positive long id,
            @RequestParam(required = false) SignupStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return signUps.ofShift(id, status, PageRequest.of(page, size));
    }

    @GetMapping("/signups/{id}")
    SignupView signup(@PathVariable @Positive long id) {
        return signUps.get(id);
    }

    @DeleteMapping("/signups/{id}")
    @Operation(summary = "Cancel a sign-up; the first on the waiting list takes the place")
    SignupView cancelSignup(@PathVariable @Positive long id) {
        return signUps.cancel(id);
    }

    @PostMapping("/signups/{id}/approve")
    SignupView approve(@PathVariable @Positive long id) {
        return signUps.approve(id);
    }

    @PostMapping("/signups/{id}/reject")
    SignupView reject(@PathVariable @Positive long id, @Valid @RequestBody Rejection rejection) {
        return signUps.reject(id, rejection.reason());
    }

    @PostMapping("/signups/{id}/no-show")
    SignupView noShow(@PathVariable @Positive long id) {
        return signUps.markNoShow(id);
    }

    @GetMapping("/me/signups")
    @Operation(summary = "The signed-in volunteer's sign-ups, latest shift first")
    PageResult<SignupView> mine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return signUps.mine(PageRequest.of(page, size));
    }

    record SignupRequest(@Positive Long volunteerId) {
    }

    record Rejection(@NotBlank @Size(max = SignUps.REASON_LENGTH) String reason) {
    }
}
