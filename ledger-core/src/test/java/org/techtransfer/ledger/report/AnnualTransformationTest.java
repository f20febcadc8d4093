package org.techtransfer.ledger.report;

import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.contract.Buyer;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.CostCategory;
import org.techtransfer.ledger.contract.CostRecorded;
import org.techtransfer.ledger.contract.EntryReversed;
import org.techtransfer.ledger.contract.EquityReceived;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.IncomeRecorded;
import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.EntryType;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.RewardPaid;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.reward.ShareAllocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The annual report (Law Art. 21) takes from each contract the entries dated in its year. */
class AnnualTransformationTest {

    private static final Contributor ALICE = new Contributor("alice", "Alice Wang", true, false, false);
    private static final Contributor DEAN = new Contributor("dean", "Dean Zhao", false, true, false);
    private static final Contributor HEAD = new Contributor("head", "Head Sun", false, true, true);
    private static final RewardTerms TERMS = new RewardTerms("BEIJING-2020", new BigDecimal("0.70"),
            new BigDecimal("0.70"), 36);

    private static ContractRegistered registered(String id, ContractKind kind, LocalDate signedOn) {
        return new ContractRegistered(id, "REG-" + id, kind, "BJ-UNI", OrganisationType.UNIVERSITY, "110116",
                new Buyer("Buyer", OrganisationType.ENTERPRISE, "110116"), "biomedicine", Money.of("1000000.00"),
                Money.of("800000.00"), signedOn, List.of(ALICE, DEAN, HEAD), null, List.of(), TERMS, null, null);
    }

    private static LocalDate d(int year, int month) {
        return LocalDate.of(year, month, 1);
    }

    @Test
    void counts_what_is_dated_in_the_year_and_names_the_leaders() {
        AnnualTransformation report = new AnnualTransformation("BJ-UNI", 2026);
        report.add(List.of(registered("C-1", ContractKind.LICENSE, d(2025, 12)),
                new IncomeRecorded("C-1", "I-0", Money.of("50000.00"), d(2025, 12), IncomeCategory.UPFRONT),
                new IncomeRecorded("C-1", "I-1", Money.of("100000.00"), d(2026, 2), IncomeCategory.ROYALTY),
                new IncomeRecorded("C-1", "I-2", Money.of("999.00"), d(2026, 2), IncomeCategory.ROYALTY),
                new EntryReversed("C-1", "R-1", "I-2", EntryType.INCOME, "entered twice", null),
                new CostRecorded("C-1", "K-1", Money.of("10000.00"), d(2026, 3), CostCategory.TAX),
                new CashRewardDecided("C-1", "D-1", d(2026, 4), Money.of("63000.00"),
                        List.of(new Allocation("alice", Money.of("40000.00")), new Allocation("dean", Money.of("23000.00"))), null),
                new RewardPaid("C-1", "P-1", "alice", Money.of("40000.00"), d(2026, 5), "bank", null),
                new RewardPaid("C-1", "P-2", "alice", Money.of("0.01"), d(2027, 1), "bank", null)));
        report.add(List.of(registered("C-2", ContractKind.EQUITY_INVESTMENT, d(2026, 6)),
                new EquityReceived("C-2", "E-1", "Spin-off Co.", 1000, Money.of("500000.00"), d(2026, 7)),
                new EquityRewardDecided("C-2", "Q-1", d(2026, 8), 700, List.of(new ShareAllocation("alice", 700)), null)));

        AnnualTransformation.AnnualReport r = report.report(3);
        assertThat(r.contracts()).filteredOn(m -> m.contracts() > 0)
                .containsExactly(new AnnualTransformation.ContractsByMode(ContractKind.EQUITY_INVESTMENT, 1,
                        Money.of("1000000.00"), Money.of("800000.00")));
        assertThat(r.income()).isEqualTo(Money.of("100000.00"));
        assertThat(r.deductibleCosts()).isEqualTo(Money.of("10000.00"));
        assertThat(r.netIncome()).isEqualTo(Money.of("90000.00"));
        assertThat(r.rewardDecided()).isEqualTo(Money.of("63000.00"));
        assertThat(r.rewardPaid()).isEqualTo(Money.of("40000.00"));
        assertThat(r.sharesReceived()).isEqualTo(1000);
        assertThat(r.sharesRewarded()).isEqualTo(700);
        assertThat(r.personsRewarded()).isEqualTo(2);
        assertThat(r.leadersRewarded()).isEqualTo(1);
        assertThat(r.principalHeadsRewarded()).isZero();
        assertThat(r.leaders()).extracting(AnnualTransformation.RewardedPerson::personId).containsExactly("dean");
        assertThat(r.leadersRewardDecided()).isEqualTo(Money.of("23000.00"));
        assertThat(r.institutionKeeps()).isEqualTo(Money.of("27000.00"));
        assertThat(r.sharesKept()).isEqualTo(300);
        assertThat(r.achievementsObtained()).isEqualTo(3);
    }

    @Test
    void a_year_without_entries_is_all_zero() {
        AnnualTransformation report = new AnnualTransformation("BJ-UNI", 2024);
        report.add(List.of(registered("C-1", ContractKind.LICENSE, d(2025, 12)),
                new IncomeRecorded("C-1", "I-0", Money.of("50000.00"), d(2025, 12), IncomeCategory.UPFRONT)));
        AnnualTransformation.AnnualReport r = report.report(0);
        assertThat(r.contracts()).allMatch(m -> m.contracts() == 0);
        assertThat(r.income()).isEqualTo(Money.ZERO);
        assertThat(r.personsRewarded()).isZero();
    }
}
