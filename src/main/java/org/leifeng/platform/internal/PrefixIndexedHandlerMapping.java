package org.leifeng.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method among the mappings that can match its path, not among all of them.
 *
 * <p>For a path with variables ({@code /api/v1/shifts/7/signups}) Spring MVC checks every one of the application's
 * two hundred mappings, each time asking the request for its method, headers and path through half a dozen wrappers,
 * the largest single item of the application's own CPU in a sign-up burst. Here the mappings are
 * indexed by their leading literal segments (at most {@value #INDEXED_SEGMENTS}), and a request is checked, exactly
 * as Spring checks it, against the mappings filed under its own first segments and those whose pattern starts with a
 * variable. Every mapping that can match the path is among them, because a literal segment matches only itself.
 *
 * <p>Spring's own lookup still answers whatever this does not decide with certainty: literal paths (it looks those
 * up directly), CORS pre-flights, requests no mapping matches (its 404, 405 and 415 need all mappings) and ties.
 */
class PrefixIndexedHandlerMapping extends RequestMappingHandlerMapping {

    private static final int INDEXED_SEGMENTS = 3;

    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index index = index();
        if (index.literalPaths.contains(lookupPath) || CorsUtils.isPreFlightRequest(request)
                || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<RequestMappingInfo> matches = new ArrayList<>(2);
        List<HandlerMethod> handlers = new ArrayList<>(2);
        for (RequestMappingInfo candidate : index.candidates(
                ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication())) {
            RequestMappingInfo match = getMatchingMapping(candidate, request);
            if (match != null) {
                matches.add(match);
                handlers.add(index.handlers.get(candidate));
            }
        }
        int best = bestOf(matches, getMappingComparator(request));
        if (best < 0) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        HandlerMethod handler = handlers.get(best);
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matches.get(best), lookupPath, request);
        return handler;
    }

    /** The index of the one best match, or -1 when there is none or two are equally good. */
    private static int bestOf(List<RequestMappingInfo> matches, Comparator<RequestMappingInfo> comparator) {
        int best = -1;
        boolean tied = false;
        for (int i = 0; i < matches.size(); i++) {
            int order = best < 0 ? -1 : comparator.compare(matches.get(i), matches.get(best));
            if (order < 0) {
                best = i;
                tied = false;
            } else if (order == 0) {
                tied = true;
            }
        }
        return tied ? -1 : best;
    }

    /** Built on first use: the mappings are all registered by the time requests arrive, and never change after. */
    private Index index() {
        Index built = index;
        if (built == null) {
            built = new Index(getHandlerMethods());
            index = built;
        }
        return built;
    }

    private static final class Index {

        private final Map<RequestMappingInfo, HandlerMethod> handlers;
        private final Set<String> literalPaths = new HashSet<>();
        /** By leading literal segments joined with '/', the mappings with exactly those (up to the indexed count). */
        private final Map<String, List<RequestMappingInfo>> byPrefix = new HashMap<>();
        /** Mappings whose first segment is not literal: candidates for every path. */
        private final List<RequestMappingInfo> anyPath = new ArrayList<>();

        Index(Map<RequestMappingInfo, HandlerMethod> handlers) {
            this.handlers = Map.copyOf(handlers);
            handlers.keySet().forEach(this::file);
        }

        private void file(RequestMappingInfo info) {
            literalPaths.addAll(info.getDirectPaths());
            if (info.getPathPatternsCondition() == null) {
                anyPath.add(info);
                return;
            }
            Set<String> prefixes = new HashSet<>();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                prefixes.add(literalPrefix(pattern.getPatternString()));
            }
            for (String prefix : prefixes) {
                (prefix.isEmpty() ? anyPath : byPrefix.computeIfAbsent(prefix, key -> new ArrayList<>())).add(info);
            }
        }

        private static String literalPrefix(String pattern) {
            StringBuilder prefix = new StringBuilder();
            int segments = 0;
            for (String segment : pattern.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segments == INDEXED_SEGMENTS || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0
                        || segment.indexOf('?') >= 0) {
                    break;
                }
                prefix.append('/').append(segment);
                segments++;
            }
            return prefix.toString();
        }

        /** The mappings whose leading literal segments are the path's own, and those that start with a variable. */
        List<RequestMappingInfo> candidates(PathContainer path) {
            List<RequestMappingInfo> candidates = new ArrayList<>(anyPath);
            StringBuilder prefix = new StringBuilder();
            int segments = 0;
            for (PathContainer.Element element : path.elements()) {
                if (segments == INDEXED_SEGMENTS) {
                    break;
                }
                if (element instanceof PathContainer.PathSegment segment) {
                    prefix.append('/').append(segment.valueToMatch());
                    segments++;
                    List<RequestMappingInfo> filed = byPrefix.get(prefix.toString());
                    if (filed != null) {
                        candidates.addAll(filed);
                    }
                }
            }
            return candidates;
        }
    }
}
