package org.leifeng.activity;

import java.net.URI;

import jakarta.validation.constraints.Positive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calendar feeds")
class CalendarController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final CalendarFeeds feeds;

    CalendarController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/activities/{id}/calendar.ics")
    @Operation(summary = "The activity's open shifts as iCalendar (anyone, for a published activity)")
    ResponseEntity<String> activity(@PathVariable @Positive long id) {
        return calendar(feeds.ofActivity(id, site()));
    }

    @GetMapping("/calendar/{token}.ics")
    @Operation(summary = "A volunteer's confirmed shifts as iCalendar, at the secret URL of POST /me/calendar-token")
    ResponseEntity<String> personal(@PathVariable String token) {
        // Private to whoever holds the URL: shared caches must not keep it.
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore())
                .body(feeds.ofToken(token, site()));
    }

    @PostMapping("/me/calendar-token")
    @Operation(summary = "A new secret URL for the signed-in volunteer's calendar; the old one stops working",
            description = "The URL is shown only in this answer.")
    ResponseEntity<FeedUrl> rotate() {
        String url = site() + "/api/v1/calendar/" + feeds.rotateToken() + ".ics";
        return ResponseEntity.created(URI.create(url)).cacheControl(CacheControl.noStore()).body(new FeedUrl(url));
    }

    private static ResponseEntity<String> calendar(String body) {
        return ResponseEntity.ok().contentType(CALENDAR).body(body);
    }

    private static String site() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    record FeedUrl(String url) {
    }
}
