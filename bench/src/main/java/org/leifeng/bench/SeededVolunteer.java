package org.leifeng.bench;

/** A volunteer the bench wrote into the database, with the bearer token it holds (only its hash is stored). */
record SeededVolunteer(long accountId, long volunteerId, String username, String token, String idNumber) {
}
