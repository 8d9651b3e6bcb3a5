package dev.switchboard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.intake.InboundMessage;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    @Test
    void anInboundRecordCarriesCloudEventsHeadersAndIsKeyedByConversation() {
        InboundMessage message = Samples.whatsappMessage();
        ProducerRecord<String, byte[]> record =
                CloudEvents.record(Topics.INTAKE_MESSAGES, message.conversationKey(), message, "/channels/whatsapp");

        assertThat(record.topic()).isEqualTo("intake.messages.v1");
        assertThat(record.key()).isEqualTo("whatsapp:106540352242922:16505551234");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(message.id().toString());
        assertThat(header(record, "ce_type")).isEqualTo("dev.switchboard.intake.message");
        assertThat(header(record, "ce_source")).isEqualTo("/channels/whatsapp");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-25T09:15:31.250Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");

        CloudEvents.Attributes read = CloudEvents.read(record.headers());
        assertThat(read.id()).isEqualTo(message.id().toString());
        assertThat(read.time()).isEqualTo(message.receivedAt());
        assertThat(Json.read(record.value(), InboundMessage.class)).isEqualTo(message);
    }

    @Test
    void topicNamesFollowTheArchitecture() {
        assertThat(Topics.outbound(Channel.WHATSAPP)).isEqualTo("outbound.whatsapp.v1");
        assertThat(Topics.deadLetter(Topics.INTAKE_MESSAGES)).isEqualTo("intake.messages.v1.dlq");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
