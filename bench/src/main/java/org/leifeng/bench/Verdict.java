package org.leifeng.bench;

/** How a scenario ended. Only MET counts as passing. */
enum Verdict {
    /** Correct, without errors, and every target met. */
    MET,
    /** Correct, but a target missed (too slow, or errors within what the check tolerates). */
    MISSED,
    /** Wrong: a correctness check failed. */
    FAILED,
    /** The feature it measures is not in the application yet. */
    NOT_YET_AVAILABLE;

    String label() {
        return switch (this) {
            case MET -> "met";
            case MISSED -> "MISSED";
            case FAILED -> "FAILED (incorrect)";
            case NOT_YET_AVAILABLE -> "not yet available";
        };
    }
}
