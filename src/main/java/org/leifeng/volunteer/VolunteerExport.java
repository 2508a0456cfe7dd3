package org.leifeng.volunteer;

import java.time.OffsetDateTime;
import java.util.List;

import org.leifeng.identity.Grant;

/** A volunteer's download of their data (PIPL Art 45). Later modules add their records to it. */
public record VolunteerExport(OffsetDateTime exportedAt, VolunteerProfile profile, List<Grant> grants) {
}
