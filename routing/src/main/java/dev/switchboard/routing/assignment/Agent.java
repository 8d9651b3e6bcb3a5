package dev.switchboard.routing.assignment;

import dev.switchboard.contract.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An agent as routing sees them: what they can handle, how much at once, and when.
 *
 * @param skills    skill name to level (1 novice .. 5 expert)
 * @param products  products they support; empty = every product
 * @param languages BCP 47 language tags they answer in; empty = any language
 * @param capacity  conversations at once per channel (e.g. 3 chats, 10 emails); a channel absent = not handled
 * @param tier      support line: 1 first line, 2 specialists, 3 product/engineering
 */
public record Agent(
        String id,
        String name,
        String team,
        int tier,
        Presence presence,
        Map<String, Integer> skills,
        Set<String> products,
        Set<String> languages,
        Map<Channel, Integer> capacity,
        WeeklySchedule schedule) {

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(presence, "presence");
        schedule = Objects.requireNonNull(schedule, "schedule").canonical();
        skills = Map.copyOf(skills == null ? Map.of() : skills);
        products = Set.copyOf(products == null ? Set.of() : products);
        languages = Set.copyOf(languages == null ? Set.of() : languages);
        // An EnumMap: read for every agent on every decision.
        EnumMap<Channel, Integer> perChannel = new EnumMap<>(Channel.class);
        Map.copyOf(capacity == null ? Map.<Channel, Integer>of() : capacity).forEach(perChannel::put);
        capacity = Collections.unmodifiableMap(perChannel);
        if (tier < 1 || tier > 3) {
            throw new IllegalArgumentException("tier must be 1, 2 or 3");
        }
    }

    public int skillLevel(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    public int capacityFor(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }

    public Agent withPresence(Presence newPresence) {
        return new Agent(id, name, team, tier, newPresence, skills, products, languages, capacity, schedule);
    }

    /** Whether an agent takes new work right now, as they set it. */
    public enum Presence {
        ONLINE, AWAY, OFFLINE;

        private final String label = name().toLowerCase(Locale.ROOT);

        /** "online", "away", "offline": as a decision's explanation says it. */
        public String label() {
            return label;
        }
    }
}
