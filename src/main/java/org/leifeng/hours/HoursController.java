package org.leifeng.hours;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The hours ledger per API.md, plus corrections, disputes, the queues and the verification. */
@RestController
@RequestMapping("/api/v1")
class HoursController {

    private final Hours hours;

    HoursController(Hours hours) {
        this.hours = hours;
    }

    @GetMapping("/volunteers/{id}/hours")
    VolunteerHours of(@PathVariable @Positive long id) {
        return hours.of(id);
    }

    @PostMapping("/service-records")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceRecordView enter(@Valid @RequestBody ManualEntry entry) {
        return hours.enter(entry);
    }

    @GetMapping("/service-records/pending")
    List<ServiceRecordView> pending() {
        return hours.approvalQueue();
    }

    @PostMapping("/service-records/{id}/approve")
    ServiceRecordView approve(@PathVariable @Positive long id) {
        return hours.approve(id);
    }

    @PostMapping("/service-records/{id}/reject")
    ServiceRecordView reject(@PathVariable @Positive long id, @Valid @RequestBody Reason reason) {
        return hours.reject(id, reason.reason());
    }

    @PostMapping("/service-records/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceRecordView correct(@PathVariable @Positive long id, @Valid @RequestBody Correction correction) {
        return hours.correct(id, correction);
    }

    @PostMapping("/service-records/{id}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    DisputeView dispute(@PathVariable @Positive long id, @Valid @RequestBody Comment comment) {
        return hours.dispute(id, comment.comment());
    }

    @GetMapping("/disputes")
    List<DisputeView> disputes() {
        return hours.disputeQueue();
    }

    @PostMapping("/disputes/{id}/resolve")
    DisputeView resolve(@PathVariable @Positive long id, @Valid @RequestBody DisputeResolution resolution) {
        return hours.resolve(id, resolution);
    }

    @GetMapping("/hours/verification")
    LedgerCheck verify(@RequestParam(required = false) @Positive Long volunteerId) {
        return hours.verify(volunteerId);
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record Comment(@NotBlank @Size(max = 500) String comment) {
    }
}
