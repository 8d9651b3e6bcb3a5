package dev.switchboard.ticket.workflow;

import static dev.switchboard.ticket.tickets.TicketStatus.CLOSED;
import static dev.switchboard.ticket.tickets.TicketStatus.ESCALATED;
import static dev.switchboard.ticket.tickets.TicketStatus.NEW;
import static dev.switchboard.ticket.tickets.TicketStatus.ON_HOLD;
import static dev.switchboard.ticket.tickets.TicketStatus.OPEN;
import static dev.switchboard.ticket.tickets.TicketStatus.PENDING;
import static dev.switchboard.ticket.tickets.TicketStatus.SOLVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ticket.tickets.TicketStatus;
import dev.switchboard.ticket.workflow.TicketWorkflow.CustomerMessage;
import org.junit.jupiter.api.Test;

class TicketWorkflowTest {

    @Test
    void anAgentMovesOpenWorkBetweenOpenPendingOnHoldAndSolved() {
        assertThat(TicketWorkflow.change(NEW, OPEN)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.change(OPEN, PENDING)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.change(PENDING, ON_HOLD)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.change(ON_HOLD, SOLVED)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.change(ESCALATED, SOLVED)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.change(SOLVED, CLOSED)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.change(SOLVED, OPEN)).isInstanceOf(Transition.Allowed.class);
    }

    @Test
    void aClosedTicketStaysClosedAndNothingGoesBackToNew() {
        for (TicketStatus to : TicketStatus.values()) {
            assertThat(TicketWorkflow.change(CLOSED, to)).isInstanceOf(Transition.Forbidden.class);
            assertThat(TicketWorkflow.change(to, NEW)).isInstanceOf(Transition.Forbidden.class);
        }
    }

    @Test
    void onlyASolvedTicketCanBeClosedAndTheRefusalSaysWhy() {
        Transition refused = TicketWorkflow.change(OPEN, CLOSED);
        assertThat(refused).isInstanceOf(Transition.Forbidden.class);
        assertThat(((Transition.Forbidden) refused).reason()).contains("open").contains("closed").contains("solved");
    }

    @Test
    void escalatedIsReachedOnlyByEscalatingWhichStopsAtTierThree() {
        assertThat(TicketWorkflow.change(OPEN, ESCALATED)).isInstanceOf(Transition.Forbidden.class);
        assertThat(TicketWorkflow.escalate(OPEN, 1)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.escalate(ESCALATED, 2)).isInstanceOf(Transition.Allowed.class);
        assertThat(TicketWorkflow.escalate(ESCALATED, 3)).isInstanceOf(Transition.Forbidden.class);
        assertThat(TicketWorkflow.escalate(SOLVED, 1)).isInstanceOf(Transition.Forbidden.class);
    }

    @Test
    void aCustomerMessageReopensASolvedTicketButFollowsUpAClosedOne() {
        assertThat(TicketWorkflow.onCustomerMessage(null)).isEqualTo(CustomerMessage.NEW_TICKET);
        assertThat(TicketWorkflow.onCustomerMessage(SOLVED)).isEqualTo(CustomerMessage.REOPEN);
        assertThat(TicketWorkflow.onCustomerMessage(CLOSED)).isEqualTo(CustomerMessage.FOLLOW_UP);
        assertThat(TicketWorkflow.onCustomerMessage(PENDING)).isEqualTo(CustomerMessage.JOIN_AND_OPEN);
        assertThat(TicketWorkflow.onCustomerMessage(ON_HOLD)).isEqualTo(CustomerMessage.JOIN);
    }
}
