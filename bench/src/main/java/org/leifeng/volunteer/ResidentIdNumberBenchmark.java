package org.leifeng.volunteer;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GB 11643 validation of resident ID numbers, run on every registration, profile change and volunteer import
 * ({@link ResidentIdNumber#defectOf}, {@link ResidentIdNumber#parse}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResidentIdNumberBenchmark {

    private LocalDate today;
    private String valid;
    private String wrongCheckCharacter;
    private String lowerCaseX;

    @Setup
    public void numbers() {
        today = LocalDate.of(2026, 11, 25);
        valid = withCheckCharacter("41020219900307123");
        char check = valid.charAt(17);
        wrongCheckCharacter = valid.substring(0, 17) + (check == '0' ? '1' : '0');
        String endsInX = "41020219850101001";
        for (int sequence = 1; ResidentIdNumber.checkCharacter(endsInX) != 'X'; sequence++) {
            endsInX = "41020219850101" + String.format("%03d", sequence);
        }
        lowerCaseX = endsInX + "x";
    }

    @Benchmark
    public Optional<ResidentIdNumber.Defect> defectOfValid() {
        return ResidentIdNumber.defectOf(valid, today);
    }

    @Benchmark
    public Optional<ResidentIdNumber.Defect> defectOfWrongCheckCharacter() {
        return ResidentIdNumber.defectOf(wrongCheckCharacter, today);
    }

    @Benchmark
    public ResidentIdNumber parseValid() {
        return ResidentIdNumber.parse(valid, today);
    }

    @Benchmark
    public ResidentIdNumber parseLowerCaseX() {
        return ResidentIdNumber.parse(lowerCaseX, today);
    }

    @Benchmark
    public char checkCharacter() {
        return ResidentIdNumber.checkCharacter(valid.substring(0, 17));
    }

    private static String withCheckCharacter(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
