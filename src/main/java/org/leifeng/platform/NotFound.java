package org.leifeng.platform;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** 404: the thing does not exist, or the caller may not know that it exists. */
public class NotFound extends Problem {

    public NotFound(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "problem.notFound", "No " + what + " " + id + " is visible to you",
                new DefaultMessageSourceResolvable(new String[] {"entity." + what}, what), String.valueOf(id));
    }
}
