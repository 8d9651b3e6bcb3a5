package dev.switchboard.routing.contact.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.identity.IdentityKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

class ContactMergePropertiesTest {

    @Property
    void mergingThenUndoingRestoresTheExactPriorState(@ForAll("twoContacts") Tuple2<ContactState, ContactState> pair) {
        ContactState survivor = pair.get1();
        ContactState absorbed = pair.get2();

        ContactMerge.Outcome merged = ContactMerge.merge(survivor, absorbed);
        ContactMerge.Outcome undone = ContactMerge.undo(survivor, absorbed, merged.survivor());

        assertThat(undone.survivor()).isEqualTo(survivor);
        assertThat(undone.absorbed()).isEqualTo(absorbed);
    }

    @Property
    void aMergedContactHasEveryIdentityAndTheAbsorbedOneNone(@ForAll("twoContacts") Tuple2<ContactState, ContactState> pair) {
        ContactMerge.Outcome merged = ContactMerge.merge(pair.get1(), pair.get2());

        assertThat(merged.survivor().identities())
                .containsAll(pair.get1().identities())
                .containsAll(pair.get2().identities());
        assertThat(merged.absorbed().identities()).isEmpty();
        assertThat(merged.absorbed().mergedInto()).isEqualTo(pair.get1().id());
        assertThat(merged.survivor().fields().name())
                .isEqualTo(pair.get1().fields().name() != null ? pair.get1().fields().name() : pair.get2().fields().name());
    }

    @Property
    void matchingDoesNotDependOnTheOrderOfTheIdentities(@ForAll("identities") List<Identity> shown,
                                                        @ForAll("owners") List<Integer> ownerOf, @ForAll long seed) {
        List<ContactMatch.Known> contacts = List.of(
                new ContactMatch.Known(UUID.fromString("00000000-0000-0000-0000-000000000001"), Instant.ofEpochSecond(30)),
                new ContactMatch.Known(UUID.fromString("00000000-0000-0000-0000-000000000002"), Instant.ofEpochSecond(10)),
                new ContactMatch.Known(UUID.fromString("00000000-0000-0000-0000-000000000003"), Instant.ofEpochSecond(10)));
        Map<Identity, ContactMatch.Known> owners = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            int owner = ownerOf.get(i % ownerOf.size());
            if (owner < contacts.size()) {
                owners.put(shown.get(i), contacts.get(owner));
            }
        }
        UUID fresh = UUID.randomUUID();
        List<Identity> shuffled = new ArrayList<>(shown);
        Collections.shuffle(shuffled, new java.util.Random(seed));

        assertThat(ContactMatch.decide(shuffled, owners, fresh)).isEqualTo(ContactMatch.decide(shown, owners, fresh));
    }

    @Test
    void severalContactsFoundAreMergedIntoTheOldest() {
        Identity email = new Identity(IdentityKind.EMAIL, "ann@acme.com");
        Identity visitor = new Identity(IdentityKind.CHAT_VISITOR, "v-1");
        Identity phone = new Identity(IdentityKind.PHONE, "+32470123456");
        UUID old = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        ContactMatch.Decision decision = ContactMatch.decide(Set.of(email, visitor, phone), Map.of(
                email, new ContactMatch.Known(young, Instant.ofEpochSecond(20)),
                phone, new ContactMatch.Known(old, Instant.ofEpochSecond(10))), UUID.randomUUID());

        assertThat(decision.contactId()).isEqualTo(old);
        assertThat(decision.absorbed()).containsExactly(young);
        assertThat(decision.unlinked()).containsExactly(visitor);
        assertThat(decision.isNew()).isFalse();
    }

    @Provide
    Arbitrary<Tuple2<ContactState, ContactState>> twoContacts() {
        Arbitrary<List<Identity>> all = identity().list().ofMinSize(0).ofMaxSize(8).uniqueElements();
        return Combinators.combine(all, Arbitraries.integers().between(0, 8), fields(), fields(),
                        Arbitraries.of("whatsapp", "email", "chat").injectNull(0.3),
                        Arbitraries.of("x", "telegram").injectNull(0.3))
                .as((ids, split, f1, f2, ch1, ch2) -> {
                    int cut = Math.min(split, ids.size());
                    ContactState a = new ContactState(UUID.randomUUID(), Instant.ofEpochSecond(100), f1,
                            new TreeSet<>(ids.subList(0, cut)), null, ch1);
                    ContactState b = new ContactState(UUID.randomUUID(), Instant.ofEpochSecond(200), f2,
                            new TreeSet<>(ids.subList(cut, ids.size())), null, ch2);
                    return Tuple.of(a, b);
                });
    }

    @Provide
    Arbitrary<List<Identity>> identities() {
        return identity().list().ofMinSize(1).ofMaxSize(5).uniqueElements();
    }

    @Provide
    Arbitrary<List<Integer>> owners() {
        return Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(5);
    }

    private Arbitrary<Identity> identity() {
        return Combinators.combine(Arbitraries.of(IdentityKind.class), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4))
                .as(Identity::new);
    }

    private Arbitrary<ContactFields> fields() {
        Arbitrary<String> text = Arbitraries.strings().alpha().ofMaxLength(6).injectNull(0.4);
        Arbitrary<LocalDate> since = Arbitraries.integers().between(0, 5000)
                .map(d -> LocalDate.of(2010, 1, 1).plusDays(d))
                .injectNull(0.4);
        Arbitrary<List<String>> products = Arbitraries.of("router", "voip", "tv", "fiber").list().ofMaxSize(3).uniqueElements();
        return Combinators.combine(text, text, text, since, products)
                .as((name, company, plan, customerSince, prods) ->
                        new ContactFields(name, company, plan, null, customerSince, "nl", null, prods));
    }
}
