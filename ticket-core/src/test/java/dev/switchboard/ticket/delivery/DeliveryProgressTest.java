package dev.switchboard.ticket.delivery;

import static dev.switchboard.contract.intake.DeliveryStatus.State;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ticket.tickets.TicketMessage.Delivery;
import org.junit.jupiter.api.Test;

class DeliveryProgressTest {

    @Test
    void aReplyMovesForwardFromQueuedToRead() {
        assertThat(DeliveryProgress.next(Delivery.QUEUED, State.SENT)).isEqualTo(Delivery.SENT);
        assertThat(DeliveryProgress.next(Delivery.SENT, State.DELIVERED)).isEqualTo(Delivery.DELIVERED);
        assertThat(DeliveryProgress.next(Delivery.DELIVERED, State.READ)).isEqualTo(Delivery.READ);
        assertThat(DeliveryProgress.next(Delivery.QUEUED, State.READ)).isEqualTo(Delivery.READ);
    }

    @Test
    void aLateReportNeverMovesItBack() {
        assertThat(DeliveryProgress.next(Delivery.READ, State.DELIVERED)).isEqualTo(Delivery.READ);
        assertThat(DeliveryProgress.next(Delivery.READ, State.SENT)).isEqualTo(Delivery.READ);
        assertThat(DeliveryProgress.next(Delivery.DELIVERED, State.SENT)).isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void aFailureCountsOnlyBeforeTheCustomerHasTheMessage() {
        assertThat(DeliveryProgress.next(Delivery.SENT, State.FAILED)).isEqualTo(Delivery.FAILED);
        assertThat(DeliveryProgress.next(Delivery.DELIVERED, State.FAILED)).isEqualTo(Delivery.DELIVERED);
        assertThat(DeliveryProgress.next(Delivery.FAILED, State.SENT)).isEqualTo(Delivery.FAILED);
        assertThat(DeliveryProgress.next(Delivery.FAILED, State.READ)).isEqualTo(Delivery.READ);
    }
}
