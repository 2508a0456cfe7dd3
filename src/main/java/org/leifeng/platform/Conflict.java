package org.leifeng.platform;

import org.springframework.http.HttpStatus;

/** 409: the request conflicts with the current state (a duplicate, a stale version). */
public class Conflict extends Problem {

    public Conflict(String code, String defaultMessage, Object... args) {
        super(HttpStatus.CONFLICT, code, defaultMessage, args);
    }
}
