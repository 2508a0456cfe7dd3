package org.leifeng.identity;

import java.io.Serializable;

/** The signed-in account behind a request; kept in the browser session, so it is small and serializable. */
public record Caller(long accountId, String username) implements Serializable {
}
