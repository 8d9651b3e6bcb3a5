package dev.switchboard.bench.load;

/**
 * Shares of each kind of delivery; they need not add up to 1 (they are weights).
 *
 * @param newConversation  a customer writes for the first time
 * @param followUp         a known customer writes again in their conversation
 * @param providerRetry    the provider sends an already sent webhook again, byte for byte
 * @param sameProblemAgain a known customer sends the text of their last message again, as a new message
 */
public record Mix(double newConversation, double followUp, double providerRetry, double sameProblemAgain) {

    /** Roughly what a support inbox sees: most traffic is follow-ups, retries are common under load. */
    public static final Mix REALISTIC = new Mix(0.30, 0.50, 0.12, 0.08);

    public Mix {
        if (newConversation <= 0 || followUp < 0 || providerRetry < 0 || sameProblemAgain < 0) {
            throw new IllegalArgumentException("weights must be >= 0 and new conversations > 0: " + this);
        }
    }

    double total() {
        return newConversation + followUp + providerRetry + sameProblemAgain;
    }
}
