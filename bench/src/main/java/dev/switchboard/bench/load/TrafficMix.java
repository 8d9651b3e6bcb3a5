package dev.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sequence of deliveries of one run, fully determined by the seed (and the run tag that keeps
 * ids of two runs on the same system apart). Not thread-safe: one pacing thread draws from it.
 */
public final class TrafficMix {
    private static final String[] PROBLEMS = {
        "My router drops the connection every evening",
        "I was charged twice on my last invoice, please refund",
        "I cannot log in, it says my password is wrong",
        "The app crashes when I open the settings",
        "How do I change the delivery address of my order?",
        "Wifi has no signal upstairs since the update",
        "Where can I download my receipt?",
        "It would be great if you added a dark mode",
        "Urgent: the internet is down in our whole office",
        "Hola, mi pedido no ha llegado todavia",
        "Ich habe meine Rechnung nicht bekommen",
        "The card payment failed but the money is gone",
    };
    private static final String[] FOLLOW_UPS = {
        "Any news on this?", "Thanks, I tried that but it still fails", "Here is my customer number: 88231",
        "It happened again just now", "Can someone call me back please?", "Ok, restarting now",
    };
    private static final String[] NAMES = {"Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jun"};
    private static final int RETRY_WINDOW = 2_000;

    private record Customer(String waId, String name, String lastText) {
    }

    private final Random random;
    private final Mix mix;
    private final String runTag;
    private final List<Customer> customers = new ArrayList<>();
    private final List<CustomerMessage> recent = new ArrayList<>();
    private long sequence;

    /** @param runTag a few digits that make this run's customer and message ids unique on a shared system */
    public TrafficMix(long seed, Mix mix, String runTag) {
        this.random = new Random(seed);
        this.mix = mix;
        this.runTag = runTag;
    }

    public Delivery next() {
        double pick = random.nextDouble() * mix.total();
        if (customers.isEmpty() || (pick -= mix.newConversation()) < 0) {
            return newConversation();
        }
        if ((pick -= mix.followUp()) < 0) {
            Customer customer = customers.get(random.nextInt(customers.size()));
            return message(Delivery.Kind.FOLLOW_UP, customer, FOLLOW_UPS[random.nextInt(FOLLOW_UPS.length)]);
        }
        if ((pick -= mix.providerRetry()) < 0 && !recent.isEmpty()) {
            return new Delivery(Delivery.Kind.PROVIDER_RETRY, recent.get(random.nextInt(recent.size())));
        }
        Customer customer = customers.get(random.nextInt(customers.size()));
        return message(Delivery.Kind.SAME_PROBLEM_AGAIN, customer, customer.lastText());
    }

    private Delivery newConversation() {
        int index = customers.size();
        String waId = "4915" + runTag + String.format("%06d", index);
        String name = NAMES[random.nextInt(NAMES.length)] + " " + runTag + "-" + index;
        Customer customer = new Customer(waId, name, PROBLEMS[random.nextInt(PROBLEMS.length)]);
        customers.add(customer);
        return message(Delivery.Kind.NEW_CONVERSATION, customer, customer.lastText());
    }

    private Delivery message(Delivery.Kind kind, Customer customer, String text) {
        CustomerMessage message = new CustomerMessage(
                "wamid.bench" + runTag + "." + (sequence++), customer.waId(), customer.name(), text);
        // Retries pick from a recent window, as providers retry recent deliveries, not last month's.
        if (recent.size() < RETRY_WINDOW) {
            recent.add(message);
        } else {
            recent.set(random.nextInt(RETRY_WINDOW), message);
        }
        return new Delivery(kind, message);
    }
}
