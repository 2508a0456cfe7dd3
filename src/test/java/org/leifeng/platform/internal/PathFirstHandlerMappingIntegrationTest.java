package org.leifeng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leifeng.support.LeifengTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

@LeifengTest
class PathFirstHandlerMappingIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationFindsControllerMethodsPathFirst() {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
    }

    /**
     * The index may only turn away a mapping that could not match: for every path that any of the application's
     * patterns describes, each mapping whose pattern matches it is kept. Turned away wrongly, a request would get a
     * 404 or another controller's answer.
     */
    @Test
    void neverTurnsAwayAMappingWhosePatternMatchesThePath() {
        PathFirstHandlerMapping pathFirst = (PathFirstHandlerMapping) mapping;
        Set<RequestMappingInfo> infos = mapping.getHandlerMethods().keySet();
        List<String> paths = new ArrayList<>(List.of("/", "/api/v1/me", "/api/v1/shifts/12/signups/",
                "/api//v1/shifts", "/api/v1/activities;jsessionid=1", "/api/v1/%61ctivities", "/activities/7"));
        for (RequestMappingInfo info : infos) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                paths.add(examplePath(pattern.getPatternString()));
            }
        }
        int kept = 0;
        int turnedAway = 0;
        int matched = 0;
        for (String path : paths) {
            PathContainer container = PathContainer.parsePath(path);
            String[] leading = PathFirstHandlerMapping.leadingSegments(container);
            for (RequestMappingInfo info : infos) {
                boolean matches = info.getPathPatternsCondition().getPatterns().stream()
                        .anyMatch(pattern -> pattern.matches(container));
                boolean couldMatch = pathFirst.couldMatch(info, leading);
                matched += matches ? 1 : 0;
                assertThat(couldMatch || !matches).as("%s turned away for %s", info, path).isTrue();
                if (couldMatch) {
                    kept++;
                } else {
                    turnedAway++;
                }
            }
        }
        assertThat(paths).hasSizeGreaterThan(150);
        assertThat(matched).as("every example path matches at least its own pattern").isGreaterThanOrEqualTo(infos.size());
        assertThat(turnedAway).as("most mappings are turned away at once").isGreaterThan(kept * 5);
    }

    @Test
    void aPatternIsIndexedByItsLeadingLiteralSegments() {
        assertThat(PathFirstHandlerMapping.literalStart("/api/v1/shifts/{id}/signups")).isEqualTo("/api/v1/shifts");
        assertThat(PathFirstHandlerMapping.literalStart("/api/v1/shifts")).isEqualTo("/api/v1/shifts");
        assertThat(PathFirstHandlerMapping.literalStart("/attend/{code}")).isEqualTo("/attend");
        assertThat(PathFirstHandlerMapping.literalStart("/admin/dashboard/{table}.{format}")).isEqualTo("/admin/dashboard");
        assertThat(PathFirstHandlerMapping.literalStart("/{slug}")).isEmpty();
        assertThat(PathFirstHandlerMapping.literalStart("/static/**")).isEqualTo("/static");
        assertThat(PathFirstHandlerMapping.literalStart("")).isEmpty();
    }

    /** A path the pattern matches: every variable and wildcard filled in. */
    private static String examplePath(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "1").replace("**", "x/y")
                .replace("*", "x").replace("?", "q");
    }
}
