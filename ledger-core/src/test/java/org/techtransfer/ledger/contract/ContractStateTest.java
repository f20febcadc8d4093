package org.techtransfer.ledger.contract;

import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.RewardFigures;
import org.techtransfer.ledger.reward.RewardStatus;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techtransfer.ledger.contract.ContractTestData.*;

/** Folding a contract's history: what queries and the aggregate both read a contract through. */
class ContractStateTest {

    private static final List<Object> HISTORY = List.of(
            registered(ContractKind.EQUITY_INVESTMENT, BJ_TERMS),
            income("I-1", "100000.00"),
            income("I-2", "50000.00"),
            cost("K-1", "10000.00", CostCategory.TAX),
            equity("E-1", 1001),
            decided("D-1", "70000.00", allocation(ALICE, "70000.00")),
            sharesDecided("Q-1", 701, shares(ALICE, 701)),
            publicized("N-1", "D-1", DECIDED, DECIDED.plusDays(7)),
            paid("P-1", ALICE.personId(), "30000.00", PAID),
            new ContractAmended(CONTRACT, "A-1", yuan("1200000.00"), yuan("900000.00"), "price corrected"),
            reversed("R-1", "I-2", EntryType.INCOME),
            terminated());

    @Test
    void replays_a_history_into_the_amounts_in_force_and_the_reward_figures() {
        ContractState state = ContractState.replay(HISTORY);

        assertThat(state.isRegistered()).isTrue();
        assertThat(state.contractId()).isEqualTo(CONTRACT);
        assertThat(state.registration().terms()).isEqualTo(BJ_TERMS);
        assertThat(state.totalAmount()).isEqualTo(yuan("1200000.00"));
        assertThat(state.technologyAmount()).isEqualTo(yuan("900000.00"));
        assertThat(state.isTerminated()).isTrue();
        assertThat(state.terminatedOn()).isEqualTo(LocalDate.of(2022, 1, 31));
        assertThat(state.version()).isEqualTo(HISTORY.size() - 1L);

        // net income 100000 - 10000 = 90000 (I-2 reversed); 70% = 63000; 30000 paid
        RewardFigures figures = state.book().figures(LocalDate.of(2022, 2, 1));
        assertThat(figures.income()).isEqualTo(yuan("100000.00"));
        assertThat(figures.netIncome()).isEqualTo(yuan("90000.00"));
        assertThat(figures.requiredReward()).isEqualTo(yuan("63000.00"));
        assertThat(figures.rewardDecided()).isEqualTo(yuan("70000.00"));
        assertThat(figures.rewardPaid()).isEqualTo(yuan("30000.00"));
        assertThat(figures.outstanding()).isEqualTo(yuan("33000.00"));
        assertThat(figures.rewardStatus()).isEqualTo(RewardStatus.OUTSTANDING);
        assertThat(figures.dueBy()).isEqualTo(RECEIVED.plusMonths(36));
        assertThat(figures.sharesReceived()).isEqualTo(1001);
        assertThat(figures.requiredShares()).isEqualTo(701);
        assertThat(figures.sharesAllocated()).isEqualTo(701);
        assertThat(state.book().paidTo(ALICE.personId())).isEqualTo(yuan("30000.00"));
    }

    @Test
    void knows_every_id_an_entry_took() {
        ContractState state = ContractState.replay(HISTORY);
        assertThat(List.of("I-1", "I-2", "K-1", "E-1", "D-1", "Q-1", "N-1", "P-1", "A-1", "R-1"))
                .allMatch(state::usesEntryId);
        assertThat(state.usesEntryId(CONTRACT)).isFalse();
        assertThat(state.usesEntryId("I-3")).isFalse();
    }

    @Test
    void a_history_replayed_up_to_an_earlier_event_shows_the_contract_as_it_stood() {
        ContractState early = ContractState.replay(HISTORY.subList(0, 3));
        assertThat(early.isTerminated()).isFalse();
        assertThat(early.totalAmount()).isEqualTo(yuan("1000000.00"));
        assertThat(early.book().requiredReward()).isEqualTo(yuan("105000.00"));
        assertThat(early.version()).isEqualTo(2);
    }

    @Test
    void a_new_state_is_not_registered() {
        ContractState state = new ContractState();
        assertThat(state.isRegistered()).isFalse();
        assertThat(state.isTerminated()).isFalse();
        assertThat(state.book()).isNull();
    }

    @Test
    void refuses_an_event_that_is_not_a_contracts() {
        ContractState state = ContractState.replay(HISTORY.subList(0, 1));
        assertThatThrownBy(() -> state.evolve("not an event")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.ZERO).isEqualTo(state.book().requiredReward());
    }
}
