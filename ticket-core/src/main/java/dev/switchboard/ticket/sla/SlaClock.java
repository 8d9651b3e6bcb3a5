package dev.switchboard.ticket.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Business-time arithmetic on one calendar. Durations are business time: an hour of target
 * is an hour during opening hours, whatever the nights, weekends and holidays in between.
 */
public record SlaClock(BusinessCalendar calendar) {

    /**
     * When {@code businessTime} of business time has passed after {@code start}. A due time is
     * never inside closed time: it is within opening hours or exactly at closing time.
     */
    public Instant dueAt(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("a target cannot be negative: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        Instant t = start;
        while (true) {
            BusinessCalendar.Interval interval = calendar.intervalFrom(t);
            Instant from = interval.start().isAfter(t) ? interval.start() : t;
            if (interval.end() == Instant.MAX) {
                return from.plus(remaining);
            }
            Duration available = Duration.between(from, interval.end());
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
            t = interval.end();
        }
    }

    /** Business time in {@code [a, b)}; zero when b is not after a. */
    public Duration businessTimeBetween(Instant a, Instant b) {
        Duration total = Duration.ZERO;
        Instant t = a;
        while (t.isBefore(b)) {
            BusinessCalendar.Interval interval = calendar.intervalFrom(t);
            if (!interval.start().isBefore(b)) {
                break;
            }
            Instant from = interval.start().isAfter(t) ? interval.start() : t;
            Instant to = interval.end().isBefore(b) ? interval.end() : b;
            total = total.plus(Duration.between(from, to));
            t = to;
        }
        return total;
    }

    /**
     * The due time after a pause (the ticket waited on the customer from {@code pausedAt} to
     * {@code resumedAt}): it moves later by exactly the business part of the pause, also when
     * the clock was already overdue, since waiting on the customer never counts.
     */
    public Instant resume(Instant dueAt, Instant pausedAt, Instant resumedAt) {
        return dueAt(dueAt, businessTimeBetween(pausedAt, resumedAt));
    }
}
