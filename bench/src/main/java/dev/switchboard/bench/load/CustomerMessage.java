package dev.switchboard.bench.load;

/**
 * One message a customer writes, channel-neutral. A driver renders it into the provider's request;
 * the same message rendered twice gives the same bytes, which is what a provider retry is.
 *
 * @param providerMessageId the provider's id (a wamid on WhatsApp); the pipeline's message id derives from it
 * @param customerId        the customer's address on the channel (a wa_id on WhatsApp)
 */
public record CustomerMessage(String providerMessageId, String customerId, String customerName, String text) {
}
