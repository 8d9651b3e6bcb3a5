package dev.switchboard.channel.kit.webhook;

/**
 * Why a webhook call is refused. The status tells the provider whether to retry: 4xx means
 * "never send this again", 503 means "try later".
 */
public abstract sealed class WebhookRejected extends RuntimeException
        permits WebhookRejected.InvalidSignature, WebhookRejected.MalformedPayload, WebhookRejected.Forbidden,
        WebhookRejected.BrokerUnavailable {

    private final int status;
    private final String title;

    protected WebhookRejected(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** 401: the body was not signed with our secret. */
    public static final class InvalidSignature extends WebhookRejected {
        public InvalidSignature(String detail) {
            super(401, "Invalid signature", detail, null);
        }
    }

    /** 400: not the provider's format; the reason says what is wrong. */
    public static final class MalformedPayload extends WebhookRejected {
        public MalformedPayload(String detail) {
            super(400, "Malformed payload", detail, null);
        }

        public MalformedPayload(String detail, Throwable cause) {
            super(400, "Malformed payload", detail, cause);
        }
    }

    /** 403: a verification handshake with the wrong token. */
    public static final class Forbidden extends WebhookRejected {
        public Forbidden(String detail) {
            super(403, "Forbidden", detail, null);
        }
    }

    /** 503: the broker did not acknowledge in time; the provider retries later, nothing is lost. */
    public static final class BrokerUnavailable extends WebhookRejected {
        public BrokerUnavailable(String detail, Throwable cause) {
            super(503, "Broker unavailable", detail, cause);
        }
    }
}
