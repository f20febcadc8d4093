package org.techtransfer.ledger.projections.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.contract.Buyer;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.IncomeRecorded;
import org.techtransfer.ledger.contract.LicenseScope;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.RewardTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.institution.OrganisationType.ENTERPRISE;
import static org.techtransfer.ledger.institution.OrganisationType.UNIVERSITY;

/** The contracts followed are bounded by the events folded into them, whatever their number. */
class ContractStatesTest {

    private static final long BOUND = 1_000;

    /** Where a contract evicted while it is followed is read again from. */
    private final EventStore log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final ContractStates states = new ContractStates(log, BOUND, cache -> {
    });

    @Test
    void a_contract_weighs_its_events() {
        follow("C-BIG", 600);
        assertThat(states.eventsHeld()).isEqualTo(600);
        follow("C-SMALL", 10);
        assertThat(states.eventsHeld()).isEqualTo(610);
    }

    @Test
    void the_events_held_stay_within_the_bound_whatever_the_contracts() {
        follow("C-BIG", 600);
        for (int i = 0; i < 8; i++) {
            follow("C-" + i, 100 + 10 * i);
            assertThat(states.eventsHeld()).isLessThanOrEqualTo(BOUND);
        }
        follow("C-HUGE", 1_100); // heavier than the bound alone: not kept
        assertThat(states.eventsHeld()).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void an_entry_weighs_at_least_one() {
        assertThat(ContractStates.weightOf(-1)).isEqualTo(1);
        assertThat(ContractStates.weightOf(0)).isEqualTo(1);
        assertThat(ContractStates.weightOf(4_999)).isEqualTo(5_000);
    }

    /** Records a contract of {@code events} events (its registration and incomes), then follows them one by one. */
    private void follow(String contractId, int events) {
        List<DomainEventMessage<?>> recorded = new ArrayList<>();
        recorded.add(new GenericDomainEventMessage<>("TechnologyContract", contractId, 0, registered(contractId)));
        for (int sequence = 1; sequence < events; sequence++) {
            recorded.add(new GenericDomainEventMessage<>("TechnologyContract", contractId, sequence,
                    new IncomeRecorded(contractId, "I-" + sequence, Money.of("100.00"), LocalDate.of(2021, 4, 1),
                            IncomeCategory.ROYALTY)));
        }
        log.publish(recorded);
        recorded.forEach(states::after);
    }

    private static ContractRegistered registered(String contractId) {
        return new ContractRegistered(contractId, "2021110116000123", ContractKind.LICENSE, "BJ-UNI", UNIVERSITY,
                "110116", new Buyer("Huairou Pharma Co.", ENTERPRISE, "110116"), "biomedicine",
                Money.of("1000000.00"), Money.of("800000.00"), LocalDate.of(2021, 3, 15),
                List.of(new Contributor("alice", "Alice Wang", true, false, false)), LicenseScope.EXCLUSIVE,
                List.of("CN201910000001.X"), new RewardTerms("BEIJING-2020", new BigDecimal("0.70"),
                new BigDecimal("0.70"), 36), null, null);
    }
}
