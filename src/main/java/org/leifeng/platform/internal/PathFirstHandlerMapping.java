package org.leifeng.platform.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Finds a request's controller method by its path first.
 *
 * <p>Spring MVC compares a path with variables ({@code /api/v1/shifts/{id}/signups}) with every mapping, and for each
 * it checks the HTTP method, parameters, headers and media types before the path, each a call through the request's
 * wrappers. With some two hundred mappings that cost a tenth of an API call's time, for paths that all but a few
 * mappings reject at their first segment. Here the path is checked first, with the same patterns against the same
 * parsed path; the mappings it leaves are then checked in full as before, so which method answers, and the 404, 405
 * and 415 for requests that match none, stay as they were.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the request being looked up on this thread, parsed once by the DispatcherServlet. */
    private static final ThreadLocal<PathContainer> LOOKING_UP = new ThreadLocal<>();

    @Override
    protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.getHandlerInternal(request);
        }
        LOOKING_UP.set(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
        try {
            return super.getHandlerInternal(request);
        } finally {
            LOOKING_UP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathContainer path = LOOKING_UP.get();
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (path != null && patterns != null
                && patterns.getPatterns().stream().noneMatch(pattern -> pattern.matches(path))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
