package org.techtransfer.ledger.app.contract;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.contract.Buyer;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractState;
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

/** The contracts the reader keeps folded are bounded by their events, whatever their number. */
class ContractReaderTest {

    private static final long BOUND = 1_000;

    private final EventStore log = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    /** {@code current} reads the log alone: no stored events, no registry of the service's. */
    private final ContractReader reader = new ContractReader(log, null, new SimpleMeterRegistry(), BOUND);

    @Test
    void a_contract_weighs_its_events_and_more_once_newer_ones_are_folded_in() {
        record("C-BIG", 0, 600);
        assertThat(reader.current("C-BIG", ContractState::version)).contains(599L);
        assertThat(reader.eventsHeld()).isEqualTo(600);
        record("C-BIG", 600, 100);
        assertThat(reader.current("C-BIG", ContractState::version)).contains(699L);
        assertThat(reader.eventsHeld()).isEqualTo(700);
    }

    @Test
    void the_events_held_stay_within_the_bound_whatever_the_contracts() {
        record("C-BIG", 0, 600);
        reader.current("C-BIG", ContractState::version);
        for (int i = 0; i < 8; i++) {
            String id = "C-" + i;
            record(id, 0, 100 + 10 * i);
            assertThat(reader.current(id, ContractState::version)).contains(99L + 10 * i);
            assertThat(reader.eventsHeld()).isLessThanOrEqualTo(BOUND);
        }
    }

    /** Records {@code count} events of the contract from sequence number {@code from}: its registration at 0, then incomes. */
    private void record(String contractId, long from, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long sequence = from; sequence < from + count; sequence++) {
            Object payload = sequence == 0 ? registered(contractId)
                    : new IncomeRecorded(contractId, "I-" + sequence, Money.of("100.00"), LocalDate.of(2021, 4, 1),
                    IncomeCategory.ROYALTY);
            events.add(new GenericDomainEventMessage<>("TechnologyContract", contractId, sequence, payload));
        }
        log.publish(events);
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
