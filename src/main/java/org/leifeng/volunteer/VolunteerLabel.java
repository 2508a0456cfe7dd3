package org.leifeng.volunteer;

/** How organisers name a volunteer in their lists: the volunteer number and the name, nothing more. */
public record VolunteerLabel(long id, String volunteerNumber, String name) {
}
