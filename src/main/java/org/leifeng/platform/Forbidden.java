package org.leifeng.platform;

import org.springframework.http.HttpStatus;

/** 403: the caller can see the thing but may not do this to it. */
public class Forbidden extends Problem {

    public Forbidden(String code, String defaultMessage, Object... args) {
        super(HttpStatus.FORBIDDEN, code, defaultMessage, args);
    }
}
