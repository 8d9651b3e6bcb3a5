package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An agent as the API and the database hold it: plain strings and maps, validated on the way in.
 *
 * @param capacity channel id to conversations at once, e.g. {@code {"whatsapp":3,"email":10}}
 * @param schedule null = always working
 */
public record AgentDocument(
        String id,
        String name,
        String team,
        Integer tier,
        String presence,
        Map<String, Integer> skills,
        List<String> products,
        List<String> languages,
        Map<String, Integer> capacity,
        Schedule schedule) {

    /**
     * @param zone an IANA time zone, e.g. Europe/Brussels
     * @param week day name to shifts like {@code "09:00-17:00"}; a shift may run past midnight
     */
    public record Schedule(String zone, Map<String, List<String>> week) {
    }

    /** @throws IllegalArgumentException with the reason when the document is not a valid agent */
    public Agent toAgent() {
        require(id != null && id.matches("[A-Za-z0-9._@-]{1,64}"), "id must be 1-64 letters, digits or ._@-");
        Map<String, Integer> skillLevels = skills == null ? Map.of() : skills;
        skillLevels.forEach((skill, level) ->
                require(level != null && level >= 1 && level <= 5, "skill " + skill + " needs a level from 1 to 5"));
        Map<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
        (capacity == null ? Map.<String, Integer>of() : capacity).forEach((channel, max) -> {
            require(max != null && max >= 0, "capacity of " + channel + " must be 0 or more");
            perChannel.put(parse(() -> Channel.fromId(channel), "unknown channel " + channel), max);
        });
        Agent.Presence state = presence == null ? Agent.Presence.OFFLINE
                : parse(() -> Agent.Presence.valueOf(presence.toUpperCase(Locale.ROOT)),
                "presence must be online, away or offline");
        return new Agent(id, name == null ? id : name, team == null ? "default" : team, tier == null ? 1 : tier, state,
                skillLevels, Set.copyOf(products == null ? List.of() : products),
                Set.copyOf(languages == null ? List.of() : languages), perChannel, toSchedule());
    }

    private WeeklySchedule toSchedule() {
        if (schedule == null) {
            return WeeklySchedule.always(ZoneId.of("UTC"));
        }
        ZoneId zone = parse(() -> ZoneId.of(schedule.zone()), "unknown time zone " + schedule.zone());
        Map<DayOfWeek, List<WeeklySchedule.Shift>> week = new EnumMap<>(DayOfWeek.class);
        (schedule.week() == null ? Map.<String, List<String>>of() : schedule.week()).forEach((day, shifts) -> {
            DayOfWeek dayOfWeek = parse(() -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), "unknown day " + day);
            List<WeeklySchedule.Shift> parsed = new ArrayList<>();
            for (String shift : shifts) {
                String[] times = shift.split("-");
                require(times.length == 2, "a shift is written HH:MM-HH:MM, not " + shift);
                parsed.add(new WeeklySchedule.Shift(parse(() -> LocalTime.parse(times[0].trim()), "bad time in " + shift),
                        parse(() -> LocalTime.parse(times[1].trim()), "bad time in " + shift)));
            }
            week.put(dayOfWeek, parsed);
        });
        return new WeeklySchedule(zone, week);
    }

    public static AgentDocument of(Agent agent) {
        Map<String, Integer> capacity = new LinkedHashMap<>();
        agent.capacity().forEach((channel, max) -> capacity.put(channel.id(), max));
        Map<String, List<String>> week = new LinkedHashMap<>();
        agent.schedule().week().forEach((day, shifts) -> week.put(day.name().toLowerCase(Locale.ROOT),
                shifts.stream().map(s -> s.start() + "-" + s.end()).toList()));
        return new AgentDocument(agent.id(), agent.name(), agent.team(), agent.tier(),
                agent.presence().label(), agent.skills(), List.copyOf(agent.products()),
                List.copyOf(agent.languages()), capacity, new Schedule(agent.schedule().zone().getId(), week));
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }

    private interface Parser<T> {
        T parse();
    }

    private static <T> T parse(Parser<T> parser, String reason) {
        try {
            return parser.parse();
        } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException(reason, e);
        }
    }
}
