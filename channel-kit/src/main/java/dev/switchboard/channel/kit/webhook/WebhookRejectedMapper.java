package dev.switchboard.channel.kit.webhook;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Turns a {@link WebhookRejected} into its status with a problem body. */
@Provider
public class WebhookRejectedMapper implements ExceptionMapper<WebhookRejected> {
    private static final Logger LOG = Logger.getLogger(WebhookRejectedMapper.class);
    /** Seconds a provider should wait before retrying after a broker outage. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(WebhookRejected rejected) {
        if (rejected instanceof WebhookRejected.BrokerUnavailable) {
            LOG.warnf(rejected, "webhook answered 503: %s", rejected.getMessage());
        } else {
            LOG.debugf("webhook rejected with %d: %s", rejected.status(), rejected.getMessage());
        }
        Response.ResponseBuilder response = Response.status(rejected.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(rejected.status(), rejected.title(), rejected.getMessage()));
        if (rejected instanceof WebhookRejected.BrokerUnavailable) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
