package dev.switchboard.routing.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working hours in the agent's own time zone, e.g. Mon–Fri 09:00–17:00 Europe/Brussels. Follow
 * the sun falls out of it: outside one team's hours only agents of a team that is on are eligible.
 */
public record WeeklySchedule(ZoneId zone, Map<DayOfWeek, List<Shift>> week) {

    /** One working interval; {@code end} before {@code start} runs past midnight. */
    public record Shift(LocalTime start, LocalTime end) {
        public Shift {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /** The part on the shift's own day: [start, end), the whole day, or [start, midnight). */
        boolean coversOnItsDay(LocalTime time) {
            if (start.equals(end)) {
                return true;
            }
            return start.isBefore(end)
                    ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start);
        }

        /** The part after midnight of an overnight shift (e.g. 22:00–06:00). */
        boolean coversNextDay(LocalTime time) {
            return end.isBefore(start) && time.isBefore(end);
        }
    }

    public WeeklySchedule {
        Objects.requireNonNull(zone, "zone");
        // An EnumMap: looked up for every agent on every decision, an array index beats hashing.
        EnumMap<DayOfWeek, List<Shift>> days = new EnumMap<>(DayOfWeek.class);
        Map.copyOf(week == null ? Map.<DayOfWeek, List<Shift>>of() : week).forEach((day, shifts) -> days.put(day, List.copyOf(shifts)));
        week = Collections.unmodifiableMap(days);
    }

    /** Distinct schedules seen; a team's agents mostly share one, so this stays small. */
    private static final Map<WeeklySchedule, WeeklySchedule> CANONICAL = new ConcurrentHashMap<>();
    private static final int CANONICAL_AT_MOST = 10_000;

    /**
     * The one instance of this schedule that agents share: a decision then asks each distinct
     * schedule whether it is working once, not each of 500 agents (measured: a tenth of routing's CPU).
     */
    public WeeklySchedule canonical() {
        if (CANONICAL.size() >= CANONICAL_AT_MOST) {
            CANONICAL.clear(); // only sharing is lost, never correctness
        }
        return CANONICAL.computeIfAbsent(this, s -> s);
    }

    /** Always on: for teams that cover 24/7 and for tests. */
    public static WeeklySchedule always(ZoneId zone) {
        Shift allDay = new Shift(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(allDay));
        }
        return new WeeklySchedule(zone, week);
    }

    /** Same hours on the given days. */
    public static WeeklySchedule of(ZoneId zone, LocalTime start, LocalTime end, DayOfWeek... days) {
        Map<DayOfWeek, List<Shift>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days) {
            week.put(day, List.of(new Shift(start, end)));
        }
        return new WeeklySchedule(zone, week);
    }

    public boolean isWorking(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        for (Shift shift : shiftsOn(local.getDayOfWeek())) {
            if (shift.coversOnItsDay(time)) {
                return true;
            }
        }
        for (Shift shift : shiftsOn(local.getDayOfWeek().minus(1))) {
            if (shift.coversNextDay(time)) {
                return true;
            }
        }
        return false;
    }

    private List<Shift> shiftsOn(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }
}
