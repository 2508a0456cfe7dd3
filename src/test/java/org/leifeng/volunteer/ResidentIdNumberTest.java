package org.leifeng.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB 11643-1999 as DOMAIN.md states it: area, real birth date not in the future, check character. */
class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
            "41020219900101123X, 1990-01-01, MALE",
            "41020219900101123x, 1990-01-01, MALE",
            "110101199003077555, 1990-03-07, MALE",
            "440308200002293026, 2000-02-29, FEMALE",
            "410225201501013017, 2015-01-01, MALE",
            "' 41020219900101123X ', 1990-01-01, MALE"})
    void acceptsValidNumbersAndReadsBirthDateAndSex(String number, LocalDate birthDate, Sex sex) {
        assertThat(ResidentIdNumber.defectOf(number, TODAY)).isEmpty();
        ResidentIdNumber parsed = ResidentIdNumber.parse(number, TODAY);
        assertThat(parsed.value()).isEqualTo(number.strip().toUpperCase());
        assertThat(parsed.birthDate()).isEqualTo(birthDate);
        assertThat(parsed.sex()).isEqualTo(sex);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "41020219900101123, LENGTH",
            "41020219900101123X1, LENGTH",
            "4102021990010112AX, CHARACTERS",
            "41020219900101123Y, CHARACTERS",
            "991023199001011234, AREA",
            "000000199001011234, AREA",
            "410202199002301234, BIRTH_DATE",
            "410202199013011234, BIRTH_DATE",
            "410202203001011234, BIRTH_DATE",
            "410202189901011234, BIRTH_DATE",
            "410202199001011231, CHECK_CHARACTER",
            "110101199003077557, CHECK_CHARACTER"})
    void refusesInvalidNumbersNamingTheDefect(String number, ResidentIdNumber.Defect defect) {
        assertThat(ResidentIdNumber.defectOf(number, TODAY)).contains(defect);
    }

    @Property(tries = 500)
    void everyGeneratedNumberWithItsCheckCharacterIsValid(@ForAll("first17") String first17) {
        String number = first17 + ResidentIdNumber.checkCharacter(first17);
        assertThat(ResidentIdNumber.defectOf(number, TODAY)).isEmpty();
    }

    @Property(tries = 500)
    void everySingleDigitChangeIsCaught(@ForAll("first17") String first17,
            @ForAll("positions") int position, @ForAll("shifts") int shift) {
        String valid = first17 + ResidentIdNumber.checkCharacter(first17);
        char original = valid.charAt(position);
        char changed = position == 17 ? "0123456789X".charAt(("0123456789X".indexOf(original) + shift) % 11)
                : (char) ('0' + (original - '0' + shift) % 10);
        String mistyped = valid.substring(0, position) + changed + valid.substring(position + 1);
        Optional<ResidentIdNumber.Defect> defect = ResidentIdNumber.defectOf(mistyped, TODAY);
        assertThat(defect).as("%s mistyped as %s", valid, mistyped).isPresent();
    }

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<String> area = Arbitraries.of("410202", "410203", "410204", "410205", "410212", "410221",
                "410222", "410223", "410225", "110101", "440308", "650102");
        Arbitrary<LocalDate> birth = Arbitraries.longs().between(0, 45_000)
                .map(days -> LocalDate.of(1905, 1, 1).plusDays(days)).filter(date -> !date.isAfter(TODAY));
        Arbitrary<String> sequence = Arbitraries.integers().between(0, 999).map(n -> String.format("%03d", n));
        return Combinators.combine(area, birth, sequence)
                .as((a, b, s) -> a + b.toString().replace("-", "") + s);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 17);
    }

    @Provide
    Arbitrary<Integer> shifts() {
        return Arbitraries.integers().between(1, 9);
    }
}
