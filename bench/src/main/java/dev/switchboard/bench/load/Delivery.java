package dev.switchboard.bench.load;

/** One delivery the generator makes: a message and why it is sent. */
public record Delivery(Kind kind, CustomerMessage message) {

    public enum Kind {
        NEW_CONVERSATION, FOLLOW_UP, PROVIDER_RETRY, SAME_PROBLEM_AGAIN;

        /** A retry repeats a message; every other kind is a new message that must be stored once. */
        public boolean isNewMessage() {
            return this != PROVIDER_RETRY;
        }
    }
}
