package dev.switchboard.routing.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contract.Channel;
import dev.switchboard.contract.MessageIds;
import dev.switchboard.contract.intake.InboundMessage;
import dev.switchboard.contract.intake.Sender;
import dev.switchboard.devkit.infra.SwitchboardInfraResource;
import dev.switchboard.devkit.providers.SampleMessages;
import dev.switchboard.routing.intake.DecisionStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = SwitchboardInfraResource.class, restrictToAnnotatedClass = false)
class DeduplicationTest {
    @Inject
    Pool pool;
    @Inject
    MailDeduplicator mails;
    @Inject
    CrossChannelDuplicates crossChannel;
    @Inject
    DedupPruner pruner;
    @Inject
    DecisionStore decisions;

    // --- (b) the same mail through two routes

    @Test
    void theSameMailFetchedOverImapAndForwardedOverSmtpIsOneMessage() {
        String local = UUID.randomUUID().toString();
        InboundMessage overImap = mail("<" + local + "@Mail.Example.COM>", "peter@example.com", "Router drops wifi");
        InboundMessage forwarded = mail(" " + local + "@mail.example.com ", "peter@example.com", "Router drops wifi");

        assertThat(firstSeen(overImap)).isEmpty();
        assertThat(firstSeen(forwarded)).contains(overImap.id());
    }

    @Test
    void aMailReadAgainOverTheSameRouteIsNoRepeatOfItself() {
        InboundMessage mail = mail("<" + UUID.randomUUID() + "@mail.example.com>", "peter@example.com", "hello");
        assertThat(firstSeen(mail)).isEmpty();
        assertThat(firstSeen(mail)).isEmpty();
    }

    @Test
    void twoMailsWhoseMessageIdsDifferOnlyInTheCaseOfTheLocalPartAreTwoMails() {
        String local = "AbC" + UUID.randomUUID();
        InboundMessage upper = mail("<" + local + "@mail.example.com>", "peter@example.com", "one");
        InboundMessage lower = mail("<" + local.toLowerCase() + "@mail.example.com>", "peter@example.com", "two");
        assertThat(firstSeen(upper)).isEmpty();
        assertThat(firstSeen(lower)).isEmpty();
    }

    @Test
    void aRolledBackFirstSightingLeavesNoKeyBehind() {
        String messageId = "<" + UUID.randomUUID() + "@mail.example.com>";
        InboundMessage first = mail(messageId, "peter@example.com", "hello");
        InboundMessage second = mail(messageId.toUpperCase().replace("@MAIL.EXAMPLE.COM", "@mail.example.com"),
                "peter@example.com", "hello");
        try {
            inTx(c -> mails.firstSeen(c, first)
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("routing failed later"))));
        } catch (IllegalStateException expected) {
            // the transaction rolled back, and the key with it
        }
        assertThat(firstSeen(first)).isEmpty();
        assertThat(firstSeen(second)).isEmpty(); // upper-case local part: another mail
    }

    @Test
    void aWhatsappMessageIsNeverKeyedByMessageId() {
        InboundMessage whatsapp = SampleMessages.whatsapp("x@y.z", "32470000002", "Ann", "hello");
        assertThat(firstSeen(whatsapp)).isEmpty();
        assertThat(firstSeen(whatsapp)).isEmpty();
    }

    // --- (c) the same problem on a second channel

    @Test
    void peterMailsAboutHisRouterThenWritesTheSameOnWhatsappAndIsLinkedToTheMail() {
        UUID peter = UUID.randomUUID();
        InboundMessage email = mail("<" + UUID.randomUUID() + "@mail.example.com>", "peter@example.com",
                "Hi, my router X2 keeps dropping wifi every evening since the update. Regards, Peter");
        InboundMessage whatsapp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000003", "Peter",
                "my router x2 keeps dropping wifi every evening since the update");

        assertThat(find(email, peter)).isEmpty();
        Optional<DuplicateMatch> match = find(whatsapp, peter);

        assertThat(match).isPresent();
        assertThat(match.get().originalMessageId()).isEqualTo(email.id());
        assertThat(match.get().originalConversationKey()).isEqualTo(email.conversationKey());
        assertThat(match.get().similarity()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void aBatchReadingEveryContactsCandidatesAtOnceLinksTheSameAndOnlyWithinTheContact() {
        UUID peter = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        String text = "the printer in the second floor office prints only empty pages since monday";
        InboundMessage email = mail("<" + UUID.randomUUID() + "@mail.example.com>", "peter@example.com", text);
        InboundMessage whatsapp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000011", "Peter", text);
        InboundMessage annasWhatsapp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000012", "Anna", text);

        assertThat(find(email, peter)).isEmpty();

        assertThat(findInBatch(whatsapp, peter, List.of(peter, anna)))
                .map(DuplicateMatch::originalMessageId).contains(email.id());
        assertThat(findInBatch(annasWhatsapp, anna, List.of(peter, anna))).isEmpty();
    }

    @Test
    void aThirdReportLinksToTheOriginalNotToTheSecond() {
        UUID peter = UUID.randomUUID();
        String text = "the app crashes when I open the camera on my pixel 8";
        InboundMessage email = mail("<" + UUID.randomUUID() + "@mail.example.com>", "p@example.com", "Hello,\n" + text);
        InboundMessage whatsapp = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000004", "Peter", text);
        InboundMessage again = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000005", "Peter", text + "!!");

        find(email, peter);
        assertThat(find(whatsapp, peter)).map(DuplicateMatch::originalMessageId).contains(email.id());
        assertThat(find(again, peter)).map(DuplicateMatch::originalMessageId).contains(email.id());
    }

    @Test
    void twoDifferentProblemsOfTheSameCustomerAreNotLinked() {
        UUID peter = UUID.randomUUID();
        InboundMessage router = mail("<" + UUID.randomUUID() + "@mail.example.com>", "p@example.com",
                "my router x2 keeps dropping wifi every evening since the update");
        InboundMessage invoice = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000006", "Peter",
                "I was charged twice for my router x2 on this month's invoice");

        find(router, peter);
        assertThat(find(invoice, peter)).isEmpty();
    }

    @Test
    void theSameTextFromAnotherCustomerIsNotLinked() {
        String text = "my router x2 keeps dropping wifi every evening since the update";
        InboundMessage peters = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000007", "Peter", text);
        InboundMessage annas = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000008", "Anna", text);

        find(peters, UUID.randomUUID());
        assertThat(find(annas, UUID.randomUUID())).isEmpty();
    }

    @Test
    void theSameReportAfterTheWindowIsANewProblem() {
        UUID peter = UUID.randomUUID();
        String text = "printer p500 shows error e42 after the firmware update";
        InboundMessage yesterday = at(mail("<" + UUID.randomUUID() + "@mail.example.com>", "p@example.com", text),
                Instant.now().minus(Duration.ofHours(20)));
        InboundMessage today = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000009", "Peter", text);

        find(yesterday, peter);
        assertThat(find(today, peter)).isEmpty();
    }

    @Test
    void aFollowUpInTheSameConversationIsNoCrossChannelDuplicate() {
        UUID peter = UUID.randomUUID();
        String text = "my router x2 keeps dropping wifi every evening since the update";
        InboundMessage first = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000010", "Peter", text);
        InboundMessage again = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000010", "Peter", text);

        find(first, peter);
        assertThat(find(again, peter)).isEmpty();
    }

    @Test
    void anOutOfOfficeReplyIsNeverACandidate() {
        UUID peter = UUID.randomUUID();
        String text = "I am out of the office until Monday and will reply to your message then";
        InboundMessage autoReply = autoGenerated(mail("<" + UUID.randomUUID() + "@mail.example.com>", "p@example.com", text));
        InboundMessage chat = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000011", "Peter", text);

        assertThat(find(autoReply, peter)).isEmpty();
        assertThat(find(chat, peter)).isEmpty();
    }

    @Test
    void aShortThankYouOnTwoChannelsIsNotADuplicate() {
        UUID peter = UUID.randomUUID();
        InboundMessage email = mail("<" + UUID.randomUUID() + "@mail.example.com>", "p@example.com", "ok thank you");
        InboundMessage chat = SampleMessages.whatsapp("wamid." + UUID.randomUUID(), "32470000012", "Peter", "ok thank you");
        find(email, peter);
        assertThat(find(chat, peter)).isEmpty();
    }

    @Test
    void pruningForgetsReportsOlderThanTheWindow() {
        UUID peter = UUID.randomUUID();
        String text = "my invoice shows the wrong vat number since october";
        InboundMessage old = at(mail("<" + UUID.randomUUID() + "@mail.example.com>", "p@example.com", text),
                Instant.now().minus(Duration.ofHours(3)));
        find(old, peter);

        pruner.prune().await().atMost(Duration.ofSeconds(10));

        Long left = pool.preparedQuery("SELECT count(*) AS n FROM routing.recent_message WHERE message_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(old.id()))
                .map(rows -> rows.iterator().next().getLong("n"))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(left).isZero();
    }

    private Optional<UUID> firstSeen(InboundMessage message) {
        return inTx(c -> mails.firstSeen(c, message));
    }

    private Optional<DuplicateMatch> find(InboundMessage message, UUID contactId) {
        return inTx(c -> checkAndKeep(c, message, contactId, null));
    }

    /** As routing's batches do: the candidates of all the batch's contacts read at once, then matched. */
    private Optional<DuplicateMatch> findInBatch(InboundMessage message, UUID contactId, List<UUID> batchContacts) {
        return inTx(c -> crossChannel.candidates(c, batchContacts, message.receivedAt(), message.receivedAt())
                .chain(all -> checkAndKeep(c, message, contactId, all.getOrDefault(contactId, List.of()))));
    }

    /** The check, then the candidate kept as routing keeps it: written with the message's decision. */
    private Uni<Optional<DuplicateMatch>> checkAndKeep(SqlConnection c, InboundMessage message, UUID contactId,
                                                       List<CrossChannelDuplicates.Candidate> prefetched) {
        return crossChannel.check(c, message, contactId, prefetched)
                .call(check -> check.textToRecord() == null ? Uni.createFrom().voidItem()
                        : decisions.storeAll(c, List.of(new DecisionStore.Row(message.id(), message.channel().id(),
                                message.conversationKey(), contactId, null, Instant.now(), "{}", true,
                                new DecisionStore.Writes(check.textToRecord(), message.receivedAt(), null, null)))))
                .map(CrossChannelDuplicates.Check::original);
    }

    private <T> T inTx(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).await().atMost(Duration.ofSeconds(10));
    }

    private static InboundMessage mail(String messageId, String from, String text) {
        Instant now = Instant.now();
        return new InboundMessage(MessageIds.inbound(Channel.EMAIL, messageId), Channel.EMAIL, "support@acme.example",
                messageId, "email:" + messageId, now.minusSeconds(5), now, new Sender("Peter", from, null, null, null),
                "Support request", text, null, List.of(), List.of(), false, null, null);
    }

    private static InboundMessage at(InboundMessage m, Instant receivedAt) {
        return new InboundMessage(m.id(), m.channel(), m.inbox(), m.providerMessageId(), m.conversationKey(), receivedAt,
                receivedAt, m.sender(), m.subject(), m.text(), m.html(), m.attachments(), m.replyTo(), m.autoGenerated(),
                m.language(), m.rawPayloadRef());
    }

    private static InboundMessage autoGenerated(InboundMessage m) {
        return new InboundMessage(m.id(), m.channel(), m.inbox(), m.providerMessageId(), m.conversationKey(), m.sentAt(),
                m.receivedAt(), m.sender(), m.subject(), m.text(), m.html(), m.attachments(), m.replyTo(), true,
                m.language(), m.rawPayloadRef());
    }
}
