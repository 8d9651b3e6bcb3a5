package dev.switchboard.ticket.sla;

import dev.switchboard.contract.Priority;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code switchboard.sla.*}: the default calendar, targets and the watch job, see application.properties. */
@ConfigMapping(prefix = "switchboard.sla")
public interface SlaConfig {

    Calendar calendar();

    PerPriority firstResponse();

    PerPriority nextResponse();

    PerPriority resolution();

    Watch watch();

    /**
     * Targets per customer plan, overriding the defaults above: {@code plan.<plan>.<target>.<priority>},
     * e.g. {@code switchboard.sla.plan.enterprise.first-response.critical=30m}. What a plan leaves out
     * falls back to the default of that target and priority; a customer without a plan, or with a
     * plan not listed, gets the defaults.
     */
    Map<String, Map<String, Map<String, Duration>>> plan();

    interface Calendar {
        String zone();

        /** {@code MON-FRI 09:00-17:00}, several groups separated by {@code ;}, or {@code 24/7}. */
        String hours();

        /** Comma-separated dates; {@code none} for no holidays (an empty value is not allowed). */
        String holidays();
    }

    interface PerPriority {
        Duration critical();

        Duration high();

        Duration medium();

        Duration low();

        default Duration of(Priority priority) {
            return switch (priority) {
                case CRITICAL -> critical();
                case HIGH -> high();
                case MEDIUM -> medium();
                case LOW -> low();
            };
        }
    }

    interface Watch {
        /** How often the job looks for warnings and breaches. */
        String every();

        String startDelay();

        /** A clock warns this long (real time) before its due time. */
        Duration warnBefore();
    }

    default BusinessCalendar businessCalendar() {
        String holidays = calendar().holidays();
        return BusinessCalendar.parse(calendar().zone(), calendar().hours(), holidays.equals("none") ? "" : holidays);
    }

    default SlaPolicy policy() {
        Map<Priority, SlaPolicy.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new SlaPolicy.Targets(firstResponse().of(p), nextResponse().of(p), resolution().of(p)));
        }
        Map<String, Map<Priority, SlaPolicy.Targets>> byPlan = new HashMap<>();
        plan().forEach((name, perTarget) -> byPlan.put(name.toLowerCase(Locale.ROOT), planTargets(name, perTarget, targets)));
        return new SlaPolicy(targets, byPlan);
    }

    private static Map<Priority, SlaPolicy.Targets> planTargets(String plan, Map<String, Map<String, Duration>> perTarget,
                                                              Map<Priority, SlaPolicy.Targets> defaults) {
        for (Map.Entry<String, Map<String, Duration>> target : perTarget.entrySet()) {
            if (Arrays.stream(SlaTarget.values()).noneMatch(t -> t.id().equals(target.getKey()))) {
                throw new IllegalArgumentException("switchboard.sla.plan." + plan + ": unknown target " + target.getKey()
                        + " (first-response, next-response, resolution)");
            }
            target.getValue().keySet().forEach(Priority::fromId);
        }
        Map<Priority, SlaPolicy.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            SlaPolicy.Targets fallback = defaults.get(p);
            targets.put(p, new SlaPolicy.Targets(
                    perTarget.getOrDefault(SlaTarget.FIRST_RESPONSE.id(), Map.of()).getOrDefault(p.id(), fallback.firstResponse()),
                    perTarget.getOrDefault(SlaTarget.NEXT_RESPONSE.id(), Map.of()).getOrDefault(p.id(), fallback.nextResponse()),
                    perTarget.getOrDefault(SlaTarget.RESOLUTION.id(), Map.of()).getOrDefault(p.id(), fallback.resolution())));
        }
        return targets;
    }
}
