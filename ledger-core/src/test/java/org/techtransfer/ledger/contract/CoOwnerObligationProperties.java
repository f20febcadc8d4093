package org.techtransfer.ledger.contract;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.techtransfer.ledger.coownership.CoOwnerBooks.CoOwnerFigures;
import org.techtransfer.ledger.coownership.CoOwnerTerms;
import org.techtransfer.ledger.coownership.CoOwnersSet;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardFigures;
import org.techtransfer.ledger.reward.RewardTerms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techtransfer.ledger.contract.ContractTestData.*;

/**
 * Issue 15: on a co-owned contract each co-owner owes what its own share's policy requires, the seller's
 * obligation (the contract's book) is its own co-owner row, and the shares' income makes the whole deal's.
 */
class CoOwnerObligationProperties {

    private static final List<RewardTerms> POLICIES = List.of(NAT_TERMS,
            new RewardTerms("BEIJING-2020", new BigDecimal("0.80"), new BigDecimal("0.80"), 24),
            new RewardTerms("NATIONAL-2015", new BigDecimal("0.55"), new BigDecimal("0.55"), 12));

    @Property(tries = 300)
    void each_share_owes_what_its_policy_requires_and_the_seller_s_row_is_the_contract_s(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 1000) Integer> weights,
            @ForAll @IntRange(min = 0, max = 4) int sellerAt,
            @ForAll @Size(min = 1, max = 5) List<@LongRange(min = 1, max = 10_000_000L) Long> incomes,
            @ForAll @Size(max = 3) List<@LongRange(min = 1, max = 5_000_000L) Long> costs) {
        int seller = sellerAt % (weights.size() + 1);
        long total = weights.stream().mapToLong(Integer::longValue).sum() + 1000;
        List<CoOwnerTerms> owners = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        int other = 0;
        for (int i = 0; i <= weights.size(); i++) {
            // the seller's weight is 1000; the others' the drawn ones; the last owner listed takes the rest
            long weight = i == seller ? 1000 : weights.get(other++);
            BigDecimal share = i == weights.size() ? BigDecimal.ONE.subtract(given)
                    : BigDecimal.valueOf(weight).divide(BigDecimal.valueOf(total), 6, RoundingMode.FLOOR);
            given = given.add(share);
            owners.add(i == seller ? new CoOwnerTerms(BJ_UNI.institutionId(), share, BJ_TERMS)
                    : new CoOwnerTerms("CO-" + i, share, POLICIES.get(i % POLICIES.size())));
        }
        List<Object> events = new ArrayList<>(List.of(beijingLicence(), new CoOwnersSet(CONTRACT, "CO-1", owners)));
        long whole = 0;
        for (int i = 0; i < incomes.size(); i++) {
            events.add(income("IN-" + i, Money.ofFen(incomes.get(i)).toString()));
            whole += incomes.get(i);
        }
        for (int i = 0; i < costs.size(); i++) {
            events.add(cost("C-" + i, Money.ofFen(costs.get(i)).toString(), CostCategory.TAX));
        }
        ContractState state = ContractState.replay(events);

        List<CoOwnerFigures> figures = state.coOwners().figures(TODAY);
        assertThat(figures.stream().mapToLong(f -> f.income().fen()).sum()).isEqualTo(whole);
        assertThat(state.income()).isEqualTo(Money.ofFen(whole));
        for (int i = 0; i < figures.size(); i++) {
            CoOwnerFigures f = figures.get(i);
            Money net = f.income().minus(f.deductibleCosts()).atLeastZero();
            assertThat(f.requiredReward()).isEqualTo(net.timesRoundedUp(owners.get(i).terms().cashRate()));
        }
        CoOwnerFigures sellerRow = figures.get(seller);
        RewardFigures own = state.book().figures(TODAY);
        assertThat(List.of(own.income(), own.deductibleCosts(), own.netIncome(), own.requiredReward()))
                .containsExactly(sellerRow.income(), sellerRow.deductibleCosts(), sellerRow.netIncome(),
                        sellerRow.requiredReward());
        assertThat(own.dueBy()).isEqualTo(sellerRow.dueBy());
    }
}
