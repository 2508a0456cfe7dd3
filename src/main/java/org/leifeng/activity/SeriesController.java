package org.leifeng.activity;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Recurring shifts (常态化)")
class SeriesController {

    private final ShiftSeries series;

    SeriesController(ShiftSeries series) {
        this.series = series;
    }

    @PostMapping("/activities/{id}/series")
    @Operation(summary = "Add a recurring series of shifts (organisers); answers it with the shifts it generated",
            description = "rrule: FREQ=WEEKLY;BYDAY=SA[,SU...] or FREQ=MONTHLY;BYMONTHDAY=5, with INTERVAL and UNTIL "
                    + "(a date, inclusive) or COUNT; startTime is local time in Asia/Shanghai.")
    ResponseEntity<SeriesView> create(@PathVariable @Positive long id, @Valid @RequestBody NewSeries request) {
        SeriesView created = series.create(id, request);
        return ResponseEntity.created(URI.create("/api/v1/series/" + created.id())).body(created);
    }

    @GetMapping("/activities/{id}/series")
    @Operation(summary = "The activity's series with their shifts (organisers)")
    List<SeriesView> ofActivity(@PathVariable @Positive long id) {
        return series.ofActivity(id);
    }

    @GetMapping("/series/{id}")
    SeriesView get(@PathVariable @Positive long id) {
        return series.get(id);
    }

    @DeleteMapping("/series/{id}")
    @Operation(summary = "End a series now, or after lastDate; its future shifts that nobody holds are cancelled")
    SeriesView end(@PathVariable @Positive long id, @RequestParam(required = false) LocalDate lastDate) {
        return series.end(id, lastDate);
    }
}
