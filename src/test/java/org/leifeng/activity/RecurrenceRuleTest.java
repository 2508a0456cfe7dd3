package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leifeng.platform.InvalidInput;

/** The RRULE subset against dates worked out by hand (1 January 2027 is a Friday; 2028 is a leap year). */
class RecurrenceRuleTest {

    @ParameterizedTest(name = "{0} from {1} through {2}")
    @CsvSource(delimiter = '|', textBlock = """
            FREQ=WEEKLY;BYDAY=SA                          | 2027-01-01 | 2027-01-31 | 2027-01-02 2027-01-09 2027-01-16 2027-01-23 2027-01-30
            FREQ=WEEKLY;BYDAY=SU,SA;COUNT=3               | 2027-01-01 | 2027-12-31 | 2027-01-02 2027-01-03 2027-01-09
            FREQ=WEEKLY;INTERVAL=2;BYDAY=SA               | 2027-01-01 | 2027-01-31 | 2027-01-02 2027-01-16 2027-01-30
            FREQ=WEEKLY;BYDAY=MO,FR;INTERVAL=2;COUNT=4    | 2027-01-01 | 2027-12-31 | 2027-01-01 2027-01-11 2027-01-15 2027-01-25
            FREQ=WEEKLY;BYDAY=SA;UNTIL=20270116           | 2027-01-01 | 2027-12-31 | 2027-01-02 2027-01-09 2027-01-16
            FREQ=WEEKLY;BYDAY=SA;UNTIL=20270116           | 2027-01-01 | 2027-01-10 | 2027-01-02 2027-01-09
            FREQ=MONTHLY;BYMONTHDAY=5                     | 2027-01-06 | 2027-04-30 | 2027-02-05 2027-03-05 2027-04-05
            FREQ=MONTHLY;BYMONTHDAY=31                    | 2027-01-01 | 2027-07-31 | 2027-01-31 2027-03-31 2027-05-31 2027-07-31
            FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3            | 2027-01-01 | 2027-12-31 | 2027-01-31 2027-03-31 2027-05-31
            FREQ=MONTHLY;BYMONTHDAY=29                    | 2027-01-01 | 2027-03-31 | 2027-01-29 2027-03-29
            FREQ=MONTHLY;BYMONTHDAY=29                    | 2028-01-01 | 2028-03-31 | 2028-01-29 2028-02-29 2028-03-29
            FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1,15       | 2027-01-01 | 2027-06-30 | 2027-01-01 2027-01-15 2027-03-01 2027-03-15 2027-05-01 2027-05-15
            FREQ=MONTHLY;BYMONTHDAY=5;UNTIL=20270305T155959Z | 2027-01-01 | 2027-12-31 | 2027-01-05 2027-02-05 2027-03-05
            FREQ=MONTHLY;BYMONTHDAY=5;UNTIL=20270304T160000Z | 2027-01-01 | 2027-12-31 | 2027-01-05 2027-02-05 2027-03-05
            FREQ=MONTHLY;BYMONTHDAY=5;UNTIL=20270304T155959Z | 2027-01-01 | 2027-12-31 | 2027-01-05 2027-02-05
            RRULE:freq=weekly;byday=we                    | 2027-01-01 | 2027-01-15 | 2027-01-06 2027-01-13
            """)
    void generatesTheDatesOfTheRule(String rrule, LocalDate first, LocalDate last, String expected) {
        List<LocalDate> dates = Arrays.stream(expected.split(" ")).map(LocalDate::parse).toList();

        assertThat(RecurrenceRule.parse(rrule).dates(first, last)).containsExactlyElementsOf(dates);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            freq=weekly;byday=su,sa                 | FREQ=WEEKLY;BYDAY=SA,SU
            FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15,1 | FREQ=MONTHLY;BYMONTHDAY=1,15
            FREQ=WEEKLY;BYDAY=SA;UNTIL=20271231     | FREQ=WEEKLY;BYDAY=SA;UNTIL=20271231
            FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5;COUNT=4 | FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5;COUNT=4
            """)
    void isStoredInOneSpelling(String rrule, String canonical) {
        assertThat(RecurrenceRule.parse(rrule).text()).isEqualTo(canonical);
        assertThat(RecurrenceRule.parse(canonical).text()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "FREQ=DAILY", "FREQ=YEARLY;BYMONTHDAY=5", "FREQ=WEEKLY", "FREQ=MONTHLY",
            "BYDAY=SA", "FREQ=WEEKLY;BYDAY=1SA", "FREQ=WEEKLY;BYDAY=SA;BYMONTHDAY=5", "FREQ=MONTHLY;BYDAY=SA",
            "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=MONTHLY;BYMONTHDAY=-1",
            "FREQ=MONTHLY;BYMONTHDAY=5;COUNT=3;UNTIL=20270101", "FREQ=WEEKLY;BYDAY=SA;WKST=SU",
            "FREQ=WEEKLY;BYDAY=SA;INTERVAL=0", "FREQ=WEEKLY;BYDAY=SA;;", "FREQ=WEEKLY;BYDAY=SA;FREQ=WEEKLY",
            "FREQ=WEEKLY;BYDAY=SA;UNTIL=2027-01-01", "FREQ=WEEKLY;BYDAY=SA;COUNT=0", "FREQ=WEEKLY;BYDAY=SA,",
            "FREQ=WEEKLY;BYDAY=SA;BYHOUR=9", "FREQ=MONTHLY;BYMONTHDAY=5;BYSETPOS=1", "FREQ=WEEKLY;BYDAY=XX"})
    void refusesAnythingOutsideTheSubset(String rrule) {
        assertThatThrownBy(() -> RecurrenceRule.parse(rrule)).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("rrule")));
    }
}
