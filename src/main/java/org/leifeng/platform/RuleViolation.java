package org.leifeng.platform;

import org.springframework.http.HttpStatus;

/** 422: well-formed input that a business rule refuses. */
public class RuleViolation extends Problem {

    public RuleViolation(String code, String defaultMessage, Object... args) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, defaultMessage, args);
    }
}
