package org.leifeng.attendance;

import java.time.Instant;

/** API.md {@code GET /shifts/{id}/attendance-code}: the code, the URL to show as a QR, and when the code stops working. */
public record AttendanceCode(String code, String url, Instant expiresAt) {
}
