package org.leifeng.identity;

import org.leifeng.platform.Problem;
import org.springframework.http.HttpStatus;

/** 401: this needs a signed-in caller. */
public class NotSignedIn extends Problem {

    public NotSignedIn() {
        super(HttpStatus.UNAUTHORIZED, "problem.notSignedIn", "Sign in first.");
    }
}
