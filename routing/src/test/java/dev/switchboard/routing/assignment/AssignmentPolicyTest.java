package dev.switchboard.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {
    private final List<String> roster = List.of("alice", "bob", "carol");

    @Test
    void aFollowUpGoesBackToTheAgentWhoHasTheConversation() {
        AssignmentPolicy.Choice choice = AssignmentPolicy.choose(roster, Optional.of("carol"),
                Map.of("alice", 0L, "carol", 9L));
        assertThat(choice.agentId()).isEqualTo("carol");
        assertThat(choice.reasons()).containsExactly("sticky: carol already has this conversation");
    }

    @Test
    void aNewConversationGoesToTheLeastLoadedAgentAndSaysWhy() {
        AssignmentPolicy.Choice choice = AssignmentPolicy.choose(roster, Optional.empty(),
                Map.of("alice", 4L, "bob", 2L, "carol", 3L));
        assertThat(choice.agentId()).isEqualTo("bob");
        assertThat(choice.reasons()).containsExactly("least loaded: bob (conversations: alice=4, bob=2, carol=3)");
    }

    @Test
    void equalLoadFollowsRosterOrder() {
        assertThat(AssignmentPolicy.choose(roster, Optional.empty(), Map.of()).agentId()).isEqualTo("alice");
    }

    @Test
    void anAgentWhoLeftTheRosterDoesNotGetTheFollowUp() {
        AssignmentPolicy.Choice choice = AssignmentPolicy.choose(roster, Optional.of("dave"), Map.of("alice", 1L));
        assertThat(choice.agentId()).isEqualTo("bob");
        assertThat(choice.reasons()).first().asString().contains("dave is no longer on the roster");
    }

    @Test
    void anEmptyRosterIsAConfigurationError() {
        assertThatThrownBy(() -> AssignmentPolicy.choose(List.of(), Optional.empty(), Map.of()))
                .hasMessageContaining("no agents");
    }
}
