package org.techtransfer.ledger.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.RewardDecisionWithdrawn;
import org.techtransfer.ledger.reward.RewardKind;
import org.techtransfer.ledger.reward.RewardPaid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.contract.ContractTestData.*;

/**
 * A contract stored as a snapshot and read back (Axon stores the aggregate as JSON) continues exactly as
 * the contract folded from all its events: same figures, same entries, same snapshot.
 */
class ContractSnapshotProperties {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final List<Contributor> PEOPLE = List.of(ALICE, BOB, DEAN);

    @Property(tries = 300)
    void a_contract_restored_from_its_snapshot_continues_as_if_it_had_folded_every_event(
            @ForAll long seed, @ForAll @IntRange(max = 150) int length, @ForAll @IntRange(max = 150) int cut)
            throws Exception {
        // given a history, and a contract folded from its first part, stored as a snapshot and read back
        List<Object> history = history(new Random(seed), length);
        int at = Math.max(1, Math.min(cut, history.size()));
        ContractState whole = ContractState.replay(history);
        String stored = JSON.writeValueAsString(TechnologyContract.restore(ContractState.replay(history.subList(0, at)).snapshot()));

        // when the rest of the history is folded into what was read back
        ContractState restored = JSON.readValue(stored, TechnologyContract.class).state();
        history.subList(at, history.size()).forEach(restored::evolve);

        // then it is the contract folded from every event
        assertThat(restored.version()).isEqualTo(whole.version());
        assertThat(restored.totalAmount()).isEqualTo(whole.totalAmount());
        assertThat(restored.technologyAmount()).isEqualTo(whole.technologyAmount());
        assertThat(restored.terminatedOn()).isEqualTo(whole.terminatedOn());
        for (LocalDate today : List.of(RECEIVED, RECEIVED.plusYears(3), RECEIVED.plusYears(10))) {
            assertThat(restored.book().figures(today)).isEqualTo(whole.book().figures(today));
        }
        for (int i = 0; i <= length + 1; i++) {
            String id = "X-" + i;
            assertThat(restored.usesEntryId(id)).as(id).isEqualTo(whole.usesEntryId(id));
            assertThat(restored.book().typeOf(id)).as(id).isEqualTo(whole.book().typeOf(id));
        }
        assertThat(restored.contributors()).isEqualTo(whole.contributors());
        for (Contributor person : PEOPLE) {
            assertThat(restored.book().paidTo(person.personId())).isEqualTo(whole.book().paidTo(person.personId()));
            assertThat(restored.book().allocatedTo(person.personId()))
                    .isEqualTo(whole.book().allocatedTo(person.personId()));
        }
        assertThat(restored.snapshot()).usingRecursiveComparison()
                .ignoringCollectionOrderInFields("entryIds", "book.reversed", "book.withdrawn")
                .isEqualTo(whole.snapshot());
    }

    /** A registration and then {@code length} events of every kind, each entry with an id of its own. */
    private static List<Object> history(Random random, int length) {
        List<Object> events = new ArrayList<>(List.of(registered(ContractKind.EQUITY_INVESTMENT, BJ_TERMS)));
        Map<String, EntryType> standing = new HashMap<>();
        List<String> decisions = new ArrayList<>();
        for (int i = 1; i <= length; i++) {
            String id = "X-" + i;
            int kind = random.nextInt(100);
            Money amount = Money.ofFen(1 + random.nextInt(100_000_000));
            if (kind < 35) {
                events.add(new IncomeRecorded(CONTRACT, id, amount, RECEIVED.plusDays(random.nextInt(400)),
                        IncomeCategory.ROYALTY));
                standing.put(id, EntryType.INCOME);
            } else if (kind < 50) {
                events.add(new CostRecorded(CONTRACT, id, amount, RECEIVED, CostCategory.TAX));
                standing.put(id, EntryType.COST);
            } else if (kind < 58) {
                events.add(equity(id, 1 + random.nextInt(10_000)));
                standing.put(id, EntryType.EQUITY);
            } else if (kind < 66) {
                Money share = Money.ofFen(1 + random.nextInt(1_000_000));
                events.add(new CashRewardDecided(CONTRACT, id, DECIDED, share.times(2),
                        List.of(new Allocation(ALICE.personId(), share), new Allocation(pick(random).personId(), share)), null));
                decisions.add(id);
            } else if (kind < 70) {
                long shares = 1 + random.nextInt(1_000);
                events.add(sharesDecided(id, shares, shares(ALICE, shares)));
                decisions.add(id);
            } else if (kind < 76 && !decisions.isEmpty()) {
                LocalDate from = DECIDED.plusDays(random.nextInt(60));
                events.add(publicized(id, decisions.get(random.nextInt(decisions.size())), from,
                        from.plusDays(random.nextInt(30))));
            } else if (kind < 86) {
                events.add(new RewardPaid(CONTRACT, id, pick(random).personId(), amount, PAID, "transfer " + id, null));
                standing.put(id, EntryType.PAYMENT);
            } else if (kind < 94 && !standing.isEmpty()) {
                List<String> ids = new ArrayList<>(standing.keySet());
                String reversedId = ids.get(random.nextInt(ids.size()));
                events.add(reversed(id, reversedId, standing.remove(reversedId)));
            } else if (kind < 96) {
                events.add(new ContractAmended(CONTRACT, id, amount.times(2), amount, "price corrected"));
            } else if (kind < 97 && !decisions.isEmpty()) {
                String decision = decisions.remove(random.nextInt(decisions.size()));
                events.add(new RewardDecisionWithdrawn(CONTRACT, id, decision, RewardKind.CASH, List.of(),
                        "decided by mistake", null));
            } else if (kind < 98) {
                List<Contributor> people = new ArrayList<>(PEOPLE);
                Collections.shuffle(people, random);
                events.add(new ContributorsChanged(CONTRACT, id, people, "order corrected", BJ_UNI.institutionId()));
            } else {
                events.add(terminated());
            }
        }
        return events;
    }

    private static Contributor pick(Random random) {
        return PEOPLE.get(random.nextInt(PEOPLE.size()));
    }
}
