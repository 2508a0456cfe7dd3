package org.leifeng.platform;

import org.leifeng.platform.internal.PersonalDataKeys;

/** Bench-side door to the application's {@link PersonalData} (package-private constructor), outside Spring. */
public final class BenchPersonalData {

    private BenchPersonalData() {
    }

    public static PersonalData with(PersonalDataKeys keys) {
        return new PersonalData(keys);
    }
}
