package org.leifeng.platform;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details in the caller's language; the one place that knows their shape. Controllers get
 * them through the exception handler; filters, which answer before any controller, write them with {@link #write}.
 */
@Component
public class ProblemDetails {

    private final MessageSource messages;

    private final JsonMapper json;
    private final LocaleResolver locales;

    ProblemDetails(MessageSource messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    /** Answers with the problem directly, for code that runs before the controllers (security filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (problem instanceof TooManyAttempts later) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        }
        json.writeValue(response.getOutputStream(), of(problem));
    }

    public ProblemDetail of(Problem problem) {
        ProblemDetail detail = of(problem.status(), problem.code(), problem.getMessage(), problem.args());
        problem.properties().forEach(detail::setProperty);
        if (!problem.errors().isEmpty()) {
            detail.setProperty("errors", problem.errors().stream()
                    .map(error -> new Problem.FieldError(error.field(), localised(error.message())))
                    .toList());
        }
        return detail;
    }

    public ProblemDetail of(HttpStatusCode status, String code, String fallback, Object... args) {
        ProblemDetail detail = ProblemDetail.forStatus(status);
        detail.setType(URI.create("urn:leifeng:problem:" + code));
        detail.setTitle(title(status));
        detail.setDetail(messages.getMessage(code, plainNumbers(args), fallback, locale()));
        return detail;
    }

    public ProblemDetail invalidInput(List<Problem.FieldError> errors) {
        ProblemDetail detail = of(HttpStatus.BAD_REQUEST, "problem.invalidInput", "The request has invalid fields.");
        detail.setProperty("errors", errors.stream()
                .map(error -> new Problem.FieldError(error.field(), localised(error.message())))
                .toList());
        return detail;
    }

    public String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String fallback = known == null ? "Error" : known.getReasonPhrase();
        return messages.getMessage("problem.title." + status.value(), null, fallback, locale());
    }

    /** Ids and counts read as written: MessageFormat would group them ("1,001,889"). */
    private static Object[] plainNumbers(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof Number number) {
                plain[i] = number.toString();
            }
        }
        return plain;
    }

    private String localised(String message) {
        return messages.getMessage(message, null, message, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
