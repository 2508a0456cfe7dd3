package org.leifeng.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.leifeng.platform.internal.BenchKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link PersonalData}: sealing an ID number (AES-256-GCM, fresh nonce), opening it again (reveal, export), and the
 * HMAC-SHA256 blind index computed on every registration and every search by phone or document.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PersonalDataBenchmark {

    private static final String ID_NUMBER = "410202199003071234";

    private PersonalData personalData;
    private PersonalData.Sealed sealed;

    @Setup
    public void keys() {
        SecureRandom random = new SecureRandom();
        personalData = BenchPersonalData.with(BenchKeys.of("k1:" + randomKey(random), randomKey(random)));
        sealed = personalData.seal(ID_NUMBER);
    }

    @Benchmark
    public PersonalData.Sealed sealIdNumber() {
        return personalData.seal(ID_NUMBER);
    }

    @Benchmark
    public String openIdNumber() {
        return personalData.open(sealed);
    }

    @Benchmark
    public byte[] blindIndex() {
        return personalData.blindIndex("id-document", "RESIDENT_ID:" + ID_NUMBER);
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
