package org.leifeng.platform.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method among the mappings that can match its first path segments.
 *
 * <p>Spring MVC compares a path with variables ({@code /api/v1/shifts/{id}/signups}) with every mapping, and for each
 * it checks the HTTP method, parameters, headers and media types before the path, each a call through the request's
 * wrappers; then it matches the path pattern. With some two hundred mappings that cost a tenth of a sign-up's time,
 * for a path that all but a handful of them reject at its first segments. Here each mapping is indexed by the
 * literal segments its patterns start with (up to {@value #INDEXED_SEGMENTS}); a mapping whose start differs from the
 * request's is rejected at once, and the others are checked in full as before. Which method answers, and the 404,
 * 405 and 415 for requests that match none, stay as Spring decides them: a rejected mapping could not have matched.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** How many leading literal segments index a mapping: {@code /api/v1/shifts} tells the resources apart. */
    static final int INDEXED_SEGMENTS = 3;

    /** The request being looked up on this thread: its first segments joined, for each count from 0 up. */
    private static final ThreadLocal<String[]> LOOKING_UP = new ThreadLocal<>();

    /** For each mapping, the literal starts of its patterns; built on first use, dropped when mappings change. */
    private volatile Map<RequestMappingInfo, String[]> starts;

    @Override
    protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.getHandlerInternal(request);
        }
        LOOKING_UP.set(leadingSegments(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()));
        try {
            return super.getHandlerInternal(request);
        } finally {
            LOOKING_UP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String[] leading = LOOKING_UP.get();
        if (leading != null && !couldMatch(info, leading)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** False only when no pattern of the mapping can match a path with these leading segments. */
    boolean couldMatch(RequestMappingInfo info, String[] leading) {
        String[] patternStarts = starts().get(info);
        if (patternStarts == null) {
            return true;
        }
        for (String start : patternStarts) {
            int segments = segmentsOf(start);
            if (segments < leading.length && start.equals(leading[segments])) {
                return true;
            }
        }
        return false;
    }

    private Map<RequestMappingInfo, String[]> starts() {
        Map<RequestMappingInfo, String[]> current = starts;
        if (current == null) {
            current = new IdentityHashMap<>();
            for (RequestMappingInfo info : getHandlerMethods().keySet()) {
                PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
                if (patterns != null) {
                    current.put(info, patterns.getPatterns().stream().map(PathPattern::getPatternString)
                            .map(PathFirstHandlerMapping::literalStart).toArray(String[]::new));
                }
            }
            starts = current;
        }
        return current;
    }

    /** {@code /api/v1/shifts/{id}/signups} starts with {@code /api/v1/shifts}; {@code /{slug}} with nothing. */
    static String literalStart(String pattern) {
        StringBuilder start = new StringBuilder();
        int segments = 0;
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segments == INDEXED_SEGMENTS || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0
                    || segment.indexOf('?') >= 0) {
                break;
            }
            start.append('/').append(segment);
            segments++;
        }
        return start.toString();
    }

    /** The path's first segments joined: {@code ["", "/api", "/api/v1", "/api/v1/shifts"]}, as far as it goes. */
    static String[] leadingSegments(PathContainer path) {
        List<String> leading = new ArrayList<>(INDEXED_SEGMENTS + 1);
        StringBuilder joined = new StringBuilder();
        leading.add("");
        for (PathContainer.Element element : path.elements()) {
            if (leading.size() > INDEXED_SEGMENTS) {
                break;
            }
            if (element instanceof PathContainer.PathSegment segment) {
                joined.append('/').append(segment.valueToMatch());
                leading.add(joined.toString());
            }
        }
        return leading.toArray(String[]::new);
    }

    private static int segmentsOf(String start) {
        int segments = 0;
        for (int i = 0; i < start.length(); i++) {
            if (start.charAt(i) == '/') {
                segments++;
            }
        }
        return segments;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        starts = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        starts = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        starts = null;
    }
}
