package org.leifeng.organisation;

/** Public facts about the city: its name, its active districts and counties, all its active organisations. */
public record CityOverview(String cityName, int districts, int organisations) {
}
