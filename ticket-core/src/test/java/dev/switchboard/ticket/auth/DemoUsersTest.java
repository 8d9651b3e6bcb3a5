package dev.switchboard.ticket.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoUsersTest {
    private final DemoUsers users = DemoUsers.parse(
            "alice:pw-a:agent:tier1, sam:pw-s:supervisor:tier1|tier2, admin:pw-x:admin:");

    @Test
    void theRightPasswordGivesTheUserWithRolesAndTeams() {
        DemoUsers.DemoUser sam = users.authenticate("sam", "pw-s").orElseThrow();
        assertThat(sam.roles()).containsExactly("supervisor");
        assertThat(sam.teams()).containsExactlyInAnyOrder("tier1", "tier2");
        assertThat(users.authenticate("admin", "pw-x").orElseThrow().teams()).isEmpty();
    }

    @Test
    void aWrongPasswordAnUnknownUserOrNothingGivesNoUser() {
        assertThat(users.authenticate("alice", "pw-s")).isEmpty();
        assertThat(users.authenticate("alice", "pw-a ")).isEmpty();
        assertThat(users.authenticate("bob", "pw-a")).isEmpty();
        assertThat(users.authenticate(null, null)).isEmpty();
    }

    @Test
    void aMalformedLineIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> DemoUsers.parse("alice:secret-pw:agent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-pw");
    }
}
