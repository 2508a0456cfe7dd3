package org.leifeng.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What scenarios share: the options, the HTTP client and load generator, the database, the admin's token, the
 * seeded city and volunteers, and what earlier scenarios measured (the ceiling's throughput).
 */
final class BenchContext {

    final BenchOptions options;
    final Http http;
    final LoadGenerator load;
    final Database database;
    final JsonMapper json = JsonMapper.builder().build();
    final List<String> seedingNotes = new ArrayList<>();
    private String adminToken;
    private CitySeeder.City city;
    private List<SeededVolunteer> volunteers;
    private List<SeededVolunteer> warmupVolunteers;
    private OptionalDouble ceilingThroughput = OptionalDouble.empty();
    /** The number of the next volunteer {@link #moreVolunteers} seeds (after the shared ones). */
    private int nextVolunteer;

    BenchContext(BenchOptions options, Http http, Database database) {
        this.options = options;
        this.http = http;
        this.load = new LoadGenerator(http);
        this.database = database;
    }

    void seeded(String adminToken, CitySeeder.City city, List<SeededVolunteer> volunteers,
            List<SeededVolunteer> warmupVolunteers) {
        this.adminToken = adminToken;
        this.city = city;
        this.volunteers = List.copyOf(volunteers);
        this.warmupVolunteers = List.copyOf(warmupVolunteers);
        this.nextVolunteer = volunteers.size() + warmupVolunteers.size();
    }

    /**
     * Seeds {@code count} more volunteers with tokens, for a scenario of its own whose volunteers no other scenario
     * touches (whether or not the others run before it).
     */
    synchronized List<SeededVolunteer> moreVolunteers(int count) throws SQLException {
        List<SeededVolunteer> more = new VolunteerSeeder(database, options.dataDir()).seed(nextVolunteer, count,
                city.organisations());
        nextVolunteer += count;
        return more;
    }

    String adminToken() {
        return adminToken;
    }

    CitySeeder.City city() {
        return city;
    }

    /** The volunteers of the measured runs. */
    List<SeededVolunteer> volunteers() {
        return volunteers;
    }

    /** Other volunteers, for warm-up runs that must not touch the measured volunteers' state. */
    List<SeededVolunteer> warmupVolunteers() {
        return warmupVolunteers;
    }

    OptionalDouble ceilingThroughput() {
        return ceilingThroughput;
    }

    void ceilingMeasured(double throughput) {
        ceilingThroughput = OptionalDouble.of(throughput);
    }

    String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    JsonNode parse(String body) {
        return json.readTree(body);
    }

    /** A setup call as the city administrator that must answer {@code expectedStatus}; answers the parsed body. */
    JsonNode asAdmin(String method, String path, Map<String, ?> body, int expectedStatus) throws IOException {
        Request request = new Request("setup", method, path, adminToken, body == null ? null : toJson(body), null);
        Answer answer = http.send(request);
        if (answer.status() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ", expected "
                    + expectedStatus + ": " + answer.body());
        }
        return answer.body().isEmpty() ? json.createObjectNode() : parse(answer.body());
    }
}
