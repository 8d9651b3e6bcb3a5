package dev.switchboard.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The promises of assignment, checked on random teams and random streams of work. */
class AssignmentInvariantsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<String> SKILLS = List.of("connectivity", "billing", "hardware");
    private static final List<Channel> CHANNELS = List.of(Channel.WHATSAPP, Channel.EMAIL, Channel.CHAT);
    private static final WaitPolicy WAIT = new WaitPolicy(Duration.ofMinutes(10), Duration.ofMinutes(60));

    @Property(tries = 300)
    void nobodyIsEverOverCapacityOrAssignedWorkTheyMayNotTake(
            @ForAll("teams") List<Agent> team, @ForAll("work") @Size(max = 40) List<WorkItem> stream) {
        AgentLoad load = AgentLoad.empty();
        Map<String, Agent> byId = new HashMap<>();
        team.forEach(a -> byId.put(a.id(), a));
        for (WorkItem work : stream) {
            AssignmentOutcome outcome = AssignmentEngine.decide(work, team, load, Optional.empty(), NOW);
            if (outcome instanceof AssignmentOutcome.Assign assign) {
                Agent agent = byId.get(assign.agentId());
                assertThat(agent.presence()).isEqualTo(Agent.Presence.ONLINE);
                assertThat(agent.schedule().isWorking(NOW)).isTrue();
                assertThat(agent.tier()).isEqualTo(work.tier());
                assertThat(load.active(agent.id(), work.channel())).isLessThan(agent.capacity().getOrDefault(work.channel(), 0));
                if (work.skill() != null) {
                    assertThat(agent.skills().getOrDefault(work.skill(), 0)).isGreaterThanOrEqualTo(work.minSkillLevel());
                }
                if (work.language() != null && !agent.languages().isEmpty()) {
                    assertThat(agent.languages()).contains(work.language());
                }
                load = load.plus(agent.id(), work.channel(), NOW);
            }
        }
        for (Agent agent : team) {
            for (Channel channel : CHANNELS) {
                assertThat(load.active(agent.id(), channel)).isLessThanOrEqualTo(agent.capacity().getOrDefault(channel, 0));
            }
        }
    }

    @Property(tries = 300)
    void afterCapacityFreesNoQueuedWorkIsLeftThatSomebodyCouldTake(
            @ForAll("teams") List<Agent> team, @ForAll("work") @Size(max = 40) List<WorkItem> queued) {
        QueueDrain.Plan plan = QueueDrain.plan(queued, team, AgentLoad.empty(), WAIT, NOW);

        List<UUID> assigned = plan.assignments().stream().map(p -> p.work().messageId()).toList();
        for (WorkItem left : queued) {
            if (!assigned.contains(left.messageId())) {
                WorkItem effective = WAIT.effective(left, NOW);
                assertThat(team).allMatch(a -> Eligibility.check(a, effective, plan.loadAfter(), NOW).isPresent());
            }
        }
        // The most urgent work went first: the plan is in queue order.
        List<WorkItem> order = new ArrayList<>(plan.assignments().stream().map(QueueDrain.Planned::work).toList());
        assertThat(order).isSortedAccordingTo(WorkItem.URGENCY);
    }

    @Provide
    Arbitrary<List<Agent>> teams() {
        return agent().list().ofMinSize(1).ofMaxSize(8).map(agents -> {
            List<Agent> unique = new ArrayList<>();
            for (int i = 0; i < agents.size(); i++) {
                Agent a = agents.get(i);
                unique.add(new Agent("agent" + i, a.name(), a.team(), a.tier(), a.presence(), a.skills(), a.products(),
                        a.languages(), a.capacity(), a.schedule()));
            }
            return unique;
        });
    }

    private Arbitrary<Agent> agent() {
        Arbitrary<Map<String, Integer>> skills = Arbitraries.maps(Arbitraries.of(SKILLS), Arbitraries.integers().between(1, 5))
                .ofMaxSize(3);
        Arbitrary<Map<Channel, Integer>> capacity = Arbitraries.maps(Arbitraries.of(CHANNELS),
                Arbitraries.integers().between(0, 3)).ofMaxSize(3).map(m -> {
                    Map<Channel, Integer> copy = new EnumMap<>(Channel.class);
                    copy.putAll(m);
                    return copy;
                });
        Arbitrary<Set<String>> languages = Arbitraries.of("en", "nl", "fr").set().ofMaxSize(2);
        Arbitrary<WeeklySchedule> schedule = Arbitraries.integers().between(0, 23).map(startHour ->
                WeeklySchedule.of(ZoneId.of("Europe/Brussels"), LocalTime.of(startHour, 0),
                        LocalTime.of((startHour + 8) % 24, 0), DayOfWeek.values()));
        return Combinators.combine(Arbitraries.of(Agent.Presence.class), Arbitraries.integers().between(1, 2), skills,
                        capacity, languages, schedule)
                .as((presence, tier, s, c, l, sch) -> new Agent("x", "X", "team", tier, presence, s, Set.of(), l, c, sch));
    }

    @Provide
    Arbitrary<List<WorkItem>> work() {
        Arbitrary<WorkItem> item = Combinators.combine(Arbitraries.of(CHANNELS), Arbitraries.of(Priority.class),
                        Arbitraries.of(SKILLS).injectNull(0.3), Arbitraries.integers().between(1, 5),
                        Arbitraries.of("en", "nl", "fr").injectNull(0.4), Arbitraries.integers().between(0, 90))
                .as((channel, priority, skill, level, language, waited) -> new WorkItem(UUID.randomUUID(),
                        "conv-" + UUID.randomUUID(), channel, priority, skill, level, null, language, 1,
                        NOW.minus(Duration.ofMinutes(waited)), null, Set.of()));
        return item.list();
    }
}
