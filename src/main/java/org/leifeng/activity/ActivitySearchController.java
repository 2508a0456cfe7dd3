package org.leifeng.activity;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activities and sign-up")
class ActivitySearchController {

    private final ActivitySearch search;

    ActivitySearchController(ActivitySearch search) {
        this.search = search;
    }

    @GetMapping("/activities")
    @Operation(summary = "Published activities, for anyone; next upcoming shift first, or nearest first with lat/lon",
            description = "organisationId: its subtree; from/to (ISO-8601 with offset): a shift overlaps the range; "
                    + "q: words of the title or description; hasFreePlaces: an open future shift has a free place.")
    PageResult<ActivitySummary> find(@RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
            @RequestParam(required = false) Integer withinMeters,
            @RequestParam(required = false, defaultValue = "false") boolean hasFreePlaces,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return search.find(new ActivitySearchQuery(organisationId, category, from, to, q, lat, lon, withinMeters,
                hasFreePlaces), PageRequest.of(page, size));
    }
}
