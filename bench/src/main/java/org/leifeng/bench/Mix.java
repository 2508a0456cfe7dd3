package org.leifeng.bench;

import java.util.List;
import java.util.function.ToIntFunction;

/** Request kinds with their shares of a mix in percent: which kind a draw of 0..99 falls on. */
final class Mix {

    private Mix() {
    }

    static <T> T pick(List<T> kinds, ToIntFunction<T> weight, int percent) {
        int sum = 0;
        for (T kind : kinds) {
            sum += weight.applyAsInt(kind);
            if (percent < sum) {
                return kind;
            }
        }
        return kinds.get(0);
    }
}
