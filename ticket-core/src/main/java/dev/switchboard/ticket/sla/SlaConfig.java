package dev.switchboard.ticket.sla;

import dev.switchboard.contract.Priority;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** {@code switchboard.sla.*}: the default calendar, targets and the watch job, see application.properties. */
@ConfigMapping(prefix = "switchboard.sla")
public interface SlaConfig {

    Calendar calendar();

    PerPriority firstResponse();

    PerPriority nextResponse();

    PerPriority resolution();

    Watch watch();

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
        return new SlaPolicy(targets);
    }
}
