package dev.switchboard.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contract.Priority;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {
    static final SlaPolicy.Targets STANDARD = new SlaPolicy.Targets(Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(40));
    static final SlaPolicy.Targets ENTERPRISE_CRITICAL =
            new SlaPolicy.Targets(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4));

    static Map<Priority, SlaPolicy.Targets> everyPriority(SlaPolicy.Targets targets) {
        Map<Priority, SlaPolicy.Targets> map = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            map.put(p, targets);
        }
        return map;
    }

    @Test
    void anEnterpriseCustomerGetsTheTargetsOfTheirPlan() {
        SlaPolicy policy = new SlaPolicy(everyPriority(STANDARD), Map.of("enterprise", Map.of(Priority.CRITICAL, ENTERPRISE_CRITICAL)));

        assertThat(policy.targets(Priority.CRITICAL, "enterprise")).isEqualTo(ENTERPRISE_CRITICAL);
        // The plan says nothing about low priority: the default targets apply.
        assertThat(policy.targets(Priority.LOW, "enterprise")).isEqualTo(STANDARD);
        assertThat(policy.targets(Priority.CRITICAL, "unknown-plan")).isEqualTo(STANDARD);
        assertThat(policy.targets(Priority.CRITICAL)).isEqualTo(STANDARD);
    }

    @Test
    void aPolicyWithoutTargetsForSomePriorityIsRefused() {
        assertThatThrownBy(() -> new SlaPolicy(Map.of(Priority.CRITICAL, STANDARD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high");
    }
}
