package org.leifeng.volunteer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.leifeng.platform.Masking;

/**
 * A resident identity number per GB 11643-1999: a 6-digit area code (its first two digits a province), an 8-digit
 * birth date that is a real date and not in the future, a 3-digit sequence (odd for men) and a check character:
 * the weighted sum of the first 17 digits modulo 11 indexes {@code 10X98765432}. A lower-case x is read as X.
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83", "91");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Why a number is refused, as message codes of the volunteers bundle. */
    public enum Defect { LENGTH, CHARACTERS, AREA, BIRTH_DATE, CHECK_CHARACTER }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    public static Optional<Defect> defectOf(String raw, LocalDate today) {
        String number = normalise(raw);
        if (number.length() != 18) {
            return Optional.of(Defect.LENGTH);
        }
        if (!number.matches("\\d{17}[\\dX]")) {
            return Optional.of(Defect.CHARACTERS);
        }
        if (!PROVINCES.contains(number.substring(0, 2))) {
            return Optional.of(Defect.AREA);
        }
        Optional<LocalDate> birth = birthDateIn(number);
        if (birth.isEmpty() || birth.get().isAfter(today) || birth.get().isBefore(EARLIEST_BIRTH)) {
            return Optional.of(Defect.BIRTH_DATE);
        }
        if (number.charAt(17) != checkCharacter(number.substring(0, 17))) {
            return Optional.of(Defect.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /** Parses a number that {@link #defectOf} accepts. */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        String number = normalise(raw);
        defectOf(number, today).ifPresent(defect -> {
            throw new IllegalArgumentException("not a valid resident ID number: " + defect);
        });
        Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new ResidentIdNumber(number, birthDateIn(number).orElseThrow(), sex);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static Optional<LocalDate> birthDateIn(String number) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ResidentIdNumber[" + Masking.documentNumber(value) + "]";
    }
}
