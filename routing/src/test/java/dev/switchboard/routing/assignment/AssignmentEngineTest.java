package dev.switchboard.routing.assignment;

import static dev.switchboard.routing.assignment.Agents.NOW;
import static dev.switchboard.routing.assignment.Agents.agent;
import static dev.switchboard.routing.assignment.Agents.work;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.Priority;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentEngineTest {
    private final Agent ann = agent("ann", Map.of("connectivity", 4), Map.of(Channel.WHATSAPP, 3, Channel.EMAIL, 10));
    private final Agent ben = agent("ben", Map.of("connectivity", 2, "billing", 5), Map.of(Channel.WHATSAPP, 3));
    private final Agent cem = agent("cem", Map.of("connectivity", 5), Map.of(Channel.EMAIL, 10));

    @Test
    void theMostSkilledAgentOnTheChannelGetsTheWorkAndTheDecisionSaysWhy() {
        WorkItem work = work(Channel.WHATSAPP, Priority.HIGH, "connectivity", 2);

        AssignmentOutcome outcome = AssignmentEngine.decide(work, List.of(ann, ben, cem), AgentLoad.empty(),
                Optional.empty(), NOW);

        assertThat(outcome).isInstanceOf(AssignmentOutcome.Assign.class);
        assertThat(((AssignmentOutcome.Assign) outcome).agentId()).isEqualTo("ann");
        assertThat(outcome.reasons()).contains("needs whatsapp, tier 1, priority high, skill connectivity >= 2",
                "not eligible: cem does not handle whatsapp", "assigned to ann (highest score)");
        assertThat(outcome.reasons()).contains("2 eligible; best: ann (skill connectivity 4, load 0/3 whatsapp, idle 60 min, "
                + "score 70.0); ben (skill connectivity 2, load 0/3 whatsapp, idle 60 min, score 50.0)");
    }

    @Test
    void aFullAgentIsSkippedAndAFollowUpStaysWithItsAgentWhileTheyHaveRoom() {
        WorkItem work = work(Channel.WHATSAPP, Priority.MEDIUM, "connectivity", 1);
        AgentLoad annFull = AgentLoad.empty()
                .plus("ann", Channel.WHATSAPP, NOW).plus("ann", Channel.WHATSAPP, NOW).plus("ann", Channel.WHATSAPP, NOW);

        AssignmentOutcome.Assign toBen = (AssignmentOutcome.Assign)
                AssignmentEngine.decide(work, List.of(ann, ben), annFull, Optional.empty(), NOW);
        assertThat(toBen.agentId()).isEqualTo("ben");
        assertThat(toBen.reasons()).contains("not eligible: ann at capacity (3/3 whatsapp)");
        assertThat(toBen.continuesConversation()).isFalse();

        // Ben holds the conversation and is full with it included: the follow-up is still his.
        AgentLoad benFull = AgentLoad.empty()
                .plus("ben", Channel.WHATSAPP, NOW).plus("ben", Channel.WHATSAPP, NOW).plus("ben", Channel.WHATSAPP, NOW);
        AssignmentOutcome.Assign sticky = (AssignmentOutcome.Assign)
                AssignmentEngine.decide(work, List.of(ann, ben), benFull, Optional.of("ben"), NOW);
        assertThat(sticky.agentId()).isEqualTo("ben");
        assertThat(sticky.continuesConversation()).isTrue();
        assertThat(sticky.reasons()).contains("sticky: ben already has this conversation");

        AssignmentOutcome.Assign away = (AssignmentOutcome.Assign) AssignmentEngine.decide(work,
                List.of(ann, ben.withPresence(Agent.Presence.OFFLINE)), AgentLoad.empty(), Optional.of("ben"), NOW);
        assertThat(away.agentId()).isEqualTo("ann");
        assertThat(away.reasons()).contains("sticky agent ben cannot take it now: offline");
    }

    @Test
    void withNobodyEligibleTheWorkIsQueuedWithTheReasons() {
        WorkItem work = work(Channel.WHATSAPP, Priority.CRITICAL, "billing", 3);
        AssignmentOutcome outcome = AssignmentEngine.decide(work, List.of(ann, ben.withPresence(Agent.Presence.AWAY)),
                AgentLoad.empty(), Optional.empty(), NOW);

        assertThat(outcome).isInstanceOf(AssignmentOutcome.Queue.class);
        assertThat(outcome.reasons()).contains("not eligible: ann skill billing below 3; ben away",
                "queued: no eligible agent with free capacity");
    }

    @Test
    void followTheSunSendsWorkToTheTeamThatIsOn() {
        WorkItem work = work(Channel.EMAIL, Priority.MEDIUM, null, 1);
        Agent brussels = new Agent("lea", "Lea", "emea", 1, Agent.Presence.ONLINE, Map.of(), Set.of(), Set.of(),
                Map.of(Channel.EMAIL, 10), WeeklySchedule.of(ZoneId.of("Europe/Brussels"), LocalTime.of(9, 0),
                LocalTime.of(17, 0), DayOfWeek.values()));
        Agent sydney = new Agent("mia", "Mia", "apac", 1, Agent.Presence.ONLINE, Map.of(), Set.of(), Set.of(),
                Map.of(Channel.EMAIL, 10), WeeklySchedule.of(ZoneId.of("Australia/Sydney"), LocalTime.of(9, 0),
                LocalTime.of(17, 0), DayOfWeek.values()));

        // 10:00 UTC = 11:00 in Brussels, 21:00 in Sydney.
        AssignmentOutcome.Assign day = (AssignmentOutcome.Assign)
                AssignmentEngine.decide(work, List.of(brussels, sydney), AgentLoad.empty(), Optional.empty(), NOW);
        assertThat(day.agentId()).isEqualTo("lea");
        assertThat(day.team()).isEqualTo("emea");
        // 23:00 UTC = 00:00 in Brussels, 10:00 in Sydney the next day.
        AssignmentOutcome.Assign night = (AssignmentOutcome.Assign) AssignmentEngine.decide(work,
                List.of(brussels, sydney), AgentLoad.empty(), Optional.empty(), NOW.plus(Duration.ofHours(13)));
        assertThat(night.agentId()).isEqualTo("mia");
    }

    @Test
    void waitingWidensTheSkillLevelAndThenEscalatesToTierTwo() {
        WaitPolicy wait = new WaitPolicy(Duration.ofMinutes(10), Duration.ofMinutes(60));
        WorkItem work = work(Channel.EMAIL, Priority.HIGH, "connectivity", 4);

        assertThat(wait.effective(work, work.receivedAt().plus(Duration.ofMinutes(9))).minSkillLevel()).isEqualTo(4);
        assertThat(wait.effective(work, work.receivedAt().plus(Duration.ofMinutes(25))).minSkillLevel()).isEqualTo(2);
        WorkItem late = wait.effective(work, work.receivedAt().plus(Duration.ofMinutes(61)));
        assertThat(late.minSkillLevel()).isEqualTo(1);
        assertThat(late.tier()).isEqualTo(2);
    }

    @Test
    void freedCapacityTakesTheMostUrgentQueuedWorkFirst() {
        WorkItem low = work(Channel.WHATSAPP, Priority.LOW, null, 1);
        WorkItem critical = work(Channel.WHATSAPP, Priority.CRITICAL, null, 1);
        Agent only = agent("ann", Map.of(), Map.of(Channel.WHATSAPP, 1));

        QueueDrain.Plan plan = QueueDrain.plan(List.of(low, critical), List.of(only), AgentLoad.empty(),
                new WaitPolicy(Duration.ofMinutes(10), Duration.ofHours(1)), NOW);

        assertThat(plan.assignments()).extracting(p -> p.work().messageId()).containsExactly(critical.messageId());
        assertThat(plan.loadAfter().active("ann", Channel.WHATSAPP)).isEqualTo(1);
    }

    @Test
    void theQueueIsReadOnlyForChannelsOnWhichSomeoneOnlineHasAFreeSlot() {
        Agent chatter = agent("cho", Map.of(), Map.of(Channel.WHATSAPP, 2, Channel.EMAIL, 5));
        Agent away = new Agent("ada", "ada", "emea", 1, Agent.Presence.AWAY, Map.of(), Set.of(), Set.of(),
                Map.of(Channel.CHAT, 3), WeeklySchedule.always(ZoneOffset.UTC));
        AgentLoad load = AgentLoad.empty().plus("cho", Channel.WHATSAPP, NOW).plus("cho", Channel.WHATSAPP, NOW);

        // WhatsApp full, chat only with someone away: a queue of thousands there is not worth reading.
        assertThat(QueueDrain.channelsWithRoom(List.of(chatter, away), load, NOW)).containsExactly(Channel.EMAIL);
        assertThat(QueueDrain.channelsWithRoom(List.of(chatter, away), load.minus("cho", Channel.WHATSAPP), NOW))
                .containsExactlyInAnyOrder(Channel.WHATSAPP, Channel.EMAIL);
        assertThat(QueueDrain.channelsWithRoom(List.of(away), AgentLoad.empty(), NOW)).isEmpty();
    }

    @Test
    void aLargeTeamIsExplainedByCountsPerReasonNotByEveryName() {
        WorkItem work = work(Channel.WHATSAPP, Priority.MEDIUM, null, 1);
        List<Agent> team = new ArrayList<>();
        AgentLoad load = AgentLoad.empty();
        for (int i = 0; i < 5; i++) {
            Agent full = agent("full-" + i, Map.of(), Map.of(Channel.WHATSAPP, 1));
            load = load.plus(full.id(), Channel.WHATSAPP, NOW);
            team.add(full);
        }
        for (int i = 0; i < 4; i++) {
            team.add(agent("mail-" + i, Map.of(), Map.of(Channel.EMAIL, 10)));
        }
        team.add(agent("free", Map.of(), Map.of(Channel.WHATSAPP, 2)));

        AssignmentOutcome.Assign outcome = (AssignmentOutcome.Assign)
                AssignmentEngine.decide(work, team, load, Optional.empty(), NOW);

        assertThat(outcome.agentId()).isEqualTo("free");
        assertThat(outcome.reasons()).contains("not eligible: 5 agents at capacity on whatsapp; 4 agents does not handle whatsapp");
    }
}
