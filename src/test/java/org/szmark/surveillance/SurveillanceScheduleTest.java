package org.szmark.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveillanceScheduleTest {

    static final Period YEAR = Period.ofMonths(12);

    @Test
    void dueOnTheLastDayOfTheIntervalAndOverdueFromTheNext() {
        LocalDate issued = LocalDate.of(2025, 3, 10);
        LocalDate due = SurveillanceSchedule.nextDue(issued, null, YEAR);
        assertThat(due).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(SurveillanceSchedule.overdue(due, LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(SurveillanceSchedule.overdue(due, LocalDate.of(2026, 3, 10))).isFalse();
        assertThat(SurveillanceSchedule.overdue(due, LocalDate.of(2026, 3, 11))).isTrue();
    }

    @Test
    void theLatestAuditRestartsTheIntervalAndAnEarlierDayNever() {
        LocalDate issued = LocalDate.of(2024, 1, 15);
        assertThat(SurveillanceSchedule.nextDue(issued, LocalDate.of(2025, 1, 2), YEAR)).isEqualTo(LocalDate.of(2026, 1, 2));
        // A last audit before the issue date cannot come from the registry; if it did, the issue date would count.
        assertThat(SurveillanceSchedule.nextDue(issued, LocalDate.of(2023, 6, 1), YEAR)).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(SurveillanceSchedule.nextDue(issued, null, Period.ofMonths(6))).isEqualTo(LocalDate.of(2024, 7, 15));
    }

    @Test
    void monthEndsClampAsTheCalendarDoes() {
        assertThat(SurveillanceSchedule.nextDue(LocalDate.of(2024, 2, 29), null, YEAR)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(SurveillanceSchedule.nextDue(LocalDate.of(2025, 8, 31), null, Period.ofMonths(6))).isEqualTo(LocalDate.of(2026, 2, 28));
        // Three bases (Aug 29 to 31) are all due on Feb 28: the bound for "due by Feb 28" is the latest of them.
        assertThat(SurveillanceSchedule.latestBaseDueBy(LocalDate.of(2026, 2, 28), Period.ofMonths(6))).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(SurveillanceSchedule.latestBaseDueBy(LocalDate.of(2026, 2, 27), Period.ofMonths(6))).isEqualTo(LocalDate.of(2025, 8, 27));
    }

    /** The query bound against the definition, for every day of four years (two leap days) and several intervals. */
    @Test
    void theQueryBoundIsExactlyTheLastBaseDueByTheDay() {
        List<Period> intervals = List.of(YEAR, Period.ofMonths(6), Period.ofMonths(1), Period.ofDays(90), Period.of(1, 1, 1),
                Period.ofMonths(13), Period.ofDays(1));
        for (Period interval : intervals) {
            for (LocalDate day = LocalDate.of(2023, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(1)) {
                LocalDate bound = SurveillanceSchedule.latestBaseDueBy(day, interval);
                assertThat(bound.plus(interval)).as("%s due by %s", interval, day).isBeforeOrEqualTo(day);
                assertThat(bound.plusDays(1).plus(interval)).as("%s due by %s", interval, day).isAfter(day);
            }
        }
    }

    @Test
    void onlyPositiveIntervalsOfAtMostTenYearsAreUsable() {
        assertThat(SurveillanceSchedule.usable(YEAR)).isTrue();
        assertThat(SurveillanceSchedule.usable(Period.ofDays(1))).isTrue();
        assertThat(SurveillanceSchedule.usable(Period.ofYears(10))).isTrue();
        assertThat(SurveillanceSchedule.usable(Period.ZERO)).isFalse();
        assertThat(SurveillanceSchedule.usable(Period.ofMonths(-12))).isFalse();
        assertThat(SurveillanceSchedule.usable(Period.of(0, 12, -1))).isFalse();
        assertThat(SurveillanceSchedule.usable(Period.ofMonths(121))).isFalse();
        assertThat(SurveillanceSchedule.usable(Period.ofDays(3661))).isFalse();
    }
}
