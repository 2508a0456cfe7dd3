package org.leifeng.platform.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leifeng.platform.JsonFields;
import org.leifeng.platform.Problem;
import org.leifeng.platform.ProblemDetails;
import org.leifeng.platform.TooManyAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail. Field errors go to {@code errors[]}; a rule's
 * refusal keeps its status; anything unexpected is a 500 whose detail is only an incident id, never a stack trace,
 * SQL or class name (those go to the log under the same id).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final ProblemDetails problems;

    ApiProblemAdvice(ProblemDetails problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> problem(Problem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        retryAfter(problem).ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return response.body(problems.of(problem));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(problems.invalidInput(List.of(new Problem.FieldError(e.getName(), "validation.wrongType"))));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return respond(problems.of(HttpStatus.CONFLICT, "problem.conflict",
                "The request conflicts with data that already exists."));
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy(PessimisticLockingFailureException e) {
        log.info("Lock conflict: {}", e.getMostSpecificCause().getMessage());
        return respond(problems.of(HttpStatus.CONFLICT, "problem.busy", "Someone else changed this at the same time; try again."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "problem.forbidden", "You may not do this."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail detail = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected",
                "Something went wrong on our side (incident {0}).", incident);
        detail.setProperty("incident", incident);
        return respond(detail);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.add(
                new Problem.FieldError(error.getField(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new Problem.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return asObject(problems.invalidInput(errors));
    }

    /**
     * Constraints on a controller's parameters (path variables, request parameters, {@code @Valid} bodies) are checked
     * by Spring MVC itself, once per request. Controllers carry no {@code @Validated}: its proxy would validate a body
     * a second time after the binder has, and then the return value, at a cost that shows in every check-in.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = Optional.ofNullable(result.getMethodParameter().getParameterName()).orElse("parameter");
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors().forEach(error -> errors.add(
                        new Problem.FieldError(error.getField(), error.getDefaultMessage())));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(
                        new Problem.FieldError(name, error.getDefaultMessage())));
            }
        });
        return asObject(problems.invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problems.invalidInput(List.of(new Problem.FieldError(e.getParameterName(), "validation.required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<Problem> domainRefusal = causeOfType(e, Problem.class);
        if (domainRefusal.isPresent()) {
            return asObject(problems.of(domainRefusal.get()));
        }
        Optional<JacksonException> json = causeOfType(e, JacksonException.class);
        Optional<String> duplicate = json.flatMap(ApiProblemAdvice::duplicateProperty);
        if (duplicate.isPresent()) {
            return asObject(problems.invalidInput(List.of(new Problem.FieldError(duplicate.get(),
                    "validation.duplicateProperty"))));
        }
        Optional<Problem.FieldError> field = json.filter(refused -> !(refused instanceof StreamReadException))
                .flatMap(JsonFields::errorOf);
        if (field.isEmpty()) {
            return asObject(problems.of(HttpStatus.BAD_REQUEST, "problem.malformedJson",
                    "The request body is not valid JSON."));
        }
        return asObject(problems.invalidInput(List.of(field.get())));
    }

    /**
     * The property a body names twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}), as a field path. The
     * parser reports it with a message of its own and stands on the second occurrence, so its context is the path.
     */
    private static Optional<String> duplicateProperty(JacksonException e) {
        if (!(e instanceof StreamReadException read) || read.getOriginalMessage() == null
                || !read.getOriginalMessage().startsWith("Duplicate Object property")
                || read.processor() == null) {
            return Optional.empty();
        }
        JsonParser parser = read.processor();
        StringBuilder field = new StringBuilder();
        for (JsonPointer at = parser.streamReadContext().pathAsPointer(); !at.matches(); at = at.tail()) {
            if (at.getMatchingIndex() >= 0) {
                field.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return Optional.of(field.toString());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail given ? given
                : problems.of(status, "problem.http." + status.value(), problems.title(status));
        detail.setType(URI.create("urn:leifeng:problem:http-" + status.value()));
        detail.setTitle(problems.title(status));
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private static Optional<Long> retryAfter(Problem problem) {
        return problem instanceof TooManyAttempts later ? Optional.of(later.retryAfterSeconds()) : Optional.empty();
    }

    private static <T> Optional<T> causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
