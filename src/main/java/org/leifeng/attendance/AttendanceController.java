package org.leifeng.attendance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Attendance per API.md, plus the organiser's list, closing and walk-in option. */
@RestController
@RequestMapping("/api/v1")
class AttendanceController {

    private final Attendance attendance;

    AttendanceController(Attendance attendance) {
        this.attendance = attendance;
    }

    @GetMapping("/shifts/{id}/attendance-code")
    AttendanceCode code(@PathVariable @Positive long id) {
        return attendance.code(id);
    }

    @PostMapping("/attendance/check-in")
    AttendanceView checkIn(@Valid @RequestBody Scanned scanned) {
        return attendance.checkIn(scanned.code(), scanned.position());
    }

    @PostMapping("/attendance/check-out")
    AttendanceView checkOut(@Valid @RequestBody Scanned scanned) {
        return attendance.checkOut(scanned.code(), scanned.position());
    }

    @PostMapping("/shifts/{id}/attendance")
    AttendanceView kiosk(@PathVariable @Positive long id, @Valid @RequestBody Kiosk kiosk) {
        return attendance.kiosk(id, kiosk.volunteerNumber(), kiosk.action());
    }

    @GetMapping("/shifts/{id}/attendance")
    List<AttendanceView> list(@PathVariable @Positive long id) {
        return attendance.ofShift(id);
    }

    @PostMapping("/attendance/{id}/close")
    AttendanceView close(@PathVariable @Positive long id, @Valid @RequestBody Closing closing) {
        return attendance.close(id, closing.creditUntil() == null ? null : closing.creditUntil().toInstant());
    }

    @PutMapping("/shifts/{id}/attendance-options")
    Map<String, Boolean> options(@PathVariable @Positive long id, @Valid @RequestBody Options options) {
        return Map.of("walkIns", attendance.allowWalkIns(id, options.walkIns()));
    }

    /** {@code {code, lat?, lon?, accuracy?}} as API.md has it. */
    record Scanned(@NotBlank @Size(max = 80) String code, @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon, @PositiveOrZero @Max(100_000) Double accuracy) {

        Position position() {
            return new Position(lat, lon, accuracy);
        }
    }

    record Kiosk(@NotBlank @Size(max = 20) String volunteerNumber, @NotNull Attendance.KioskAction action) {
    }

    /** {@code creditUntil} absent or null: closed without credit. */
    record Closing(OffsetDateTime creditUntil) {
    }

    record Options(@NotNull Boolean walkIns) {
    }
}
