package dev.switchboard.ticket.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When support works: weekly opening hours in a time zone (several intervals a day allowed),
 * minus holidays; or always open (24/7). Hours are local wall-clock times, so a working day keeps
 * its local hours across daylight-saving changes.
 *
 * @param week  per weekday, sorted non-overlapping intervals; a missing day is closed
 * @param open  24/7: every instant is business time, hours and holidays are ignored
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays, boolean open) {

    /** A holiday-free year is a bug in the configuration, not a reason to loop forever. */
    static final int MAX_DAYS_AHEAD = 3 * 366;

    public BusinessCalendar {
        week = Map.copyOf(week);
        holidays = Set.copyOf(holidays);
        if (!open && week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a business calendar needs opening hours on at least one day");
        }
    }

    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        return new BusinessCalendar(zone, Map.of(), Set.of(), true);
    }

    /**
     * @param hours    e.g. {@code MON-FRI 09:00-12:30 13:30-17:00; SAT 10:00-14:00}; {@code 24/7} for always open
     * @param holidays e.g. {@code 2026-12-25,2027-01-01}; blank for none
     */
    public static BusinessCalendar parse(String zone, String hours, String holidays) {
        ZoneId zoneId = ZoneId.of(zone.strip());
        if (hours.strip().equals("24/7")) {
            return alwaysOpen(zoneId);
        }
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (String group : hours.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            String[] parts = group.strip().split("\\s+");
            List<Hours> intervals = Arrays.stream(parts, 1, parts.length).map(Hours::parse).sorted().toList();
            for (DayOfWeek day : days(parts[0])) {
                List<Hours> merged = new ArrayList<>(week.getOrDefault(day, List.of()));
                merged.addAll(intervals);
                week.put(day, Hours.disjoint(merged));
            }
        }
        Set<LocalDate> dates = new TreeSet<>();
        for (String date : holidays == null ? new String[0] : holidays.split(",")) {
            if (!date.isBlank()) {
                dates.add(LocalDate.parse(date.strip()));
            }
        }
        return new BusinessCalendar(zoneId, week, dates, false);
    }

    /** The business interval containing {@code t}, or else the next one after it. */
    public Interval intervalFrom(Instant t) {
        if (open) {
            return new Interval(t, Instant.MAX);
        }
        LocalDate day = t.atZone(zone).toLocalDate();
        for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (Hours hours : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                Interval interval = hours.on(day, zone);
                if (interval.end().isAfter(t) && interval.end().isAfter(interval.start())) {
                    return interval;
                }
            }
        }
        throw new IllegalStateException("no business hours within " + MAX_DAYS_AHEAD + " days after " + t);
    }

    public boolean isBusinessTime(Instant t) {
        return !intervalFrom(t).start().isAfter(t);
    }

    private static List<DayOfWeek> days(String spec) {
        String[] range = spec.toUpperCase(Locale.ROOT).split("-");
        DayOfWeek from = day(range[0]);
        DayOfWeek to = range.length > 1 ? day(range[1]) : from;
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            days.add(d);
            if (d == to) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String abbreviation) {
        return Arrays.stream(DayOfWeek.values())
                .filter(d -> d.name().startsWith(abbreviation) && abbreviation.length() >= 3)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown weekday: " + abbreviation));
    }

    /** Local opening hours of one day; {@code end} 24:00 is written as {@code end == null}. */
    public record Hours(LocalTime start, LocalTime end) implements Comparable<Hours> {

        public Hours {
            if (end != null && !end.isAfter(start)) {
                throw new IllegalArgumentException("opening hours must end after they start: " + start + "-" + end);
            }
        }

        static Hours parse(String spec) {
            String[] ends = spec.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("opening hours look like 09:00-17:00, not " + spec);
            }
            return new Hours(LocalTime.parse(ends[0]), ends[1].equals("24:00") ? null : LocalTime.parse(ends[1]));
        }

        /** Local times that do not exist (spring forward) move later, as {@code ZonedDateTime} does. */
        Interval on(LocalDate day, ZoneId zone) {
            Instant from = day.atTime(start).atZone(zone).toInstant();
            Instant to = end == null ? day.plusDays(1).atStartOfDay(zone).toInstant() : day.atTime(end).atZone(zone).toInstant();
            return new Interval(from, to);
        }

        static List<Hours> disjoint(List<Hours> hours) {
            List<Hours> sorted = hours.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                Hours previous = sorted.get(i - 1);
                if (previous.end == null || previous.end.isAfter(sorted.get(i).start)) {
                    throw new IllegalArgumentException("opening hours overlap: " + previous + " and " + sorted.get(i));
                }
            }
            return sorted;
        }

        @Override
        public int compareTo(Hours other) {
            return start.compareTo(other.start);
        }
    }

    /** A stretch of business time, start inclusive, end exclusive. */
    public record Interval(Instant start, Instant end) {
    }
}
