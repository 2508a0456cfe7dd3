package org.leifeng.platform.internal;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.WebPages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen outside a controller (no such path, a filter refused): API clients get a problem detail,
 * browsers (which ask for HTML) a friendly page in their language. Neither shows what went wrong inside.
 */
@WebPages
class ErrorPages implements ErrorController {

    private final ProblemDetails problems;

    ErrorPages(ProblemDetails problems) {
        this.problems = problems;
    }

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject("title", problems.title(status));
        return view;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail detail = problems.of(status, "problem.http." + status.value(), problems.title(status));
        requestedPath(request).ifPresent(detail::setInstance);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    /** The path the client asked for, not this error path the container forwarded it to. */
    private static Optional<URI> requestedPath(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(path));   // the request URI as sent: already percent-encoded
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
