package dev.switchboard.channel.whatsapp.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The WhatsApp Cloud API webhook body, as Meta sends it. Only the fields we use are declared;
 * unknown fields are ignored so that new Graph API versions do not break intake.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WhatsAppNotification(String object, List<Entry> entry) {

    public static final String OBJECT = "whatsapp_business_account";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, Value value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(
            @JsonProperty("messaging_product") String messagingProduct,
            Metadata metadata,
            List<Contact> contacts,
            List<Message> messages,
            List<Status> statuses) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(
            @JsonProperty("display_phone_number") String displayPhoneNumber,
            @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(Profile profile, @JsonProperty("wa_id") String waId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(
            String id,
            String from,
            String timestamp,
            String type,
            Text text,
            Media image,
            Media audio,
            Media video,
            Media document,
            Media sticker,
            Location location,
            Interactive interactive,
            Button button,
            Reaction reaction,
            Context context) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Media(
            String id,
            @JsonProperty("mime_type") String mimeType,
            String sha256,
            String caption,
            String filename) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(Double latitude, Double longitude, String name, String address) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interactive(
            String type,
            @JsonProperty("button_reply") Reply buttonReply,
            @JsonProperty("list_reply") Reply listReply) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String id, String title, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Button(String payload, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reaction(@JsonProperty("message_id") String messageId, String emoji) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(String from, String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(
            String id,
            String status,
            String timestamp,
            @JsonProperty("recipient_id") String recipientId,
            List<Error> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(Integer code, String title, String message) {
    }
}
