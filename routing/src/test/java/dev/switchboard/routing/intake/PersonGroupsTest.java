package dev.switchboard.routing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which messages of a batch may be decided side by side, and which must wait for each other. */
class PersonGroupsTest {

    @Test
    void messagesOfOnePersonOrConversationStayTogetherInBatchOrder() {
        // a1, a2: one conversation; b: another person; c1 (mail) and c2 (WhatsApp) share a contact
        // that owns both identities; d1, d2 chained through c2's phone and a second conversation.
        Map<String, Set<String>> keys = Map.of(
                "a1", Set.of("conversation:wa:1", "identity:phone:1"),
                "b", Set.of("conversation:wa:2", "identity:phone:2"),
                "c1", Set.of("conversation:mail:x", "identity:email:c", "contact:C"),
                "a2", Set.of("conversation:wa:1", "identity:phone:1"),
                "c2", Set.of("conversation:wa:3", "identity:phone:3", "contact:C"),
                "d1", Set.of("conversation:chat:9", "identity:phone:3"),
                "e", Set.of("conversation:wa:5"));
        List<String> batch = List.of("a1", "b", "c1", "a2", "c2", "d1", "e");

        List<List<String>> groups = PersonGroups.of(batch, keys::get);

        assertThat(groups).containsExactly(
                List.of("a1", "a2"),
                List.of("b"),
                List.of("c1", "c2", "d1"),
                List.of("e"));
    }

    @Test
    void anEmptyBatchHasNoGroups() {
        assertThat(PersonGroups.of(List.<String>of(), m -> Set.of())).isEmpty();
    }
}
