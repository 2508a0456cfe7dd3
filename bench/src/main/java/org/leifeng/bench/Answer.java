package org.leifeng.bench;

/** The status and body of an HTTP response. */
record Answer(int status, String body) {

    boolean is(int expected) {
        return status == expected;
    }
}
