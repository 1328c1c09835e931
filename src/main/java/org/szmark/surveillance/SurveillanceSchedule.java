package org.szmark.surveillance;

import java.time.LocalDate;
import java.time.Period;

/**
 * When a certificate's next surveillance audit is due: its latest audit, or before the first its issue date,
 * plus the interval of its scheme. The due date is the last day on which the audit is on time; from the day
 * after, surveillance is overdue. Pure, so the boundaries are tested without a registry.
 */
public final class SurveillanceSchedule {
    private SurveillanceSchedule() {}

    /** The day surveillance counts from: the latest audit, or the issue date before the first one. */
    public static LocalDate base(LocalDate issueDate, LocalDate lastAudit) {
        return lastAudit == null || lastAudit.isBefore(issueDate) ? issueDate : lastAudit;
    }

    /** The last day on which the next audit is on time. */
    public static LocalDate nextDue(LocalDate issueDate, LocalDate lastAudit, Period interval) {
        return base(issueDate, lastAudit).plus(interval);
    }

    public static boolean overdue(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }

    /**
     * The latest base day whose next audit is due on or before {@code day}: {@code base + interval <= day}
     * exactly when {@code base <= latestBaseDueBy(day, interval)}, so a query compares stored dates with one
     * bound. Not simply {@code day - interval}: months are clamped to the month's end (Jan 31 + P1M is Feb 28,
     * but Feb 28 - P1M is Jan 28), so the bound is found from there by stepping. Adding a period is monotone in
     * the day it is added to, which makes the steps few (at most the three days a month end clamps) and exact.
     */
    public static LocalDate latestBaseDueBy(LocalDate day, Period interval) {
        LocalDate b = day.minus(interval);
        while (b.plus(interval).isAfter(day)) b = b.minusDays(1);
        while (!b.plusDays(1).plus(interval).isAfter(day)) b = b.plusDays(1);
        return b;
    }

    /** An interval a scheme may set: at least a day, nothing negative in it. */
    public static boolean usable(Period interval) {
        return !interval.isNegative() && !interval.isZero() && interval.toTotalMonths() <= 120 && interval.getDays() <= 3660;
    }
}
