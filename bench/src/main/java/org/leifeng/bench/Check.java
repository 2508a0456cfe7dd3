package org.leifeng.bench;

/**
 * One judged fact: a correctness check ({@code target == false}: the state after the run is right) or a target
 * ({@code target == true}: e.g. p99 under 100 ms), with what was required and what was found.
 */
record Check(String name, boolean passed, String required, String found, boolean target) {

    static Check correctness(String name, boolean passed, String required, String found) {
        return new Check(name, passed, required, found, false);
    }

    static Check target(String name, boolean passed, String required, String found) {
        return new Check(name, passed, required, found, true);
    }

    static Check equal(String name, long expected, long actual) {
        return correctness(name, expected == actual, Long.toString(expected), Long.toString(actual));
    }
}
