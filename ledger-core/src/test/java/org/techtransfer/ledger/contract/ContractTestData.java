package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.CommandActor;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Allocation;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.DecideCashReward;
import org.techtransfer.ledger.reward.DecideEquityReward;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.PayReward;
import org.techtransfer.ledger.reward.PublicityRecorded;
import org.techtransfer.ledger.reward.RecordPublicity;
import org.techtransfer.ledger.reward.RewardPaid;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.reward.ShareAllocation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.techtransfer.ledger.institution.OrganisationType.ENTERPRISE;
import static org.techtransfer.ledger.institution.OrganisationType.OTHER;
import static org.techtransfer.ledger.institution.OrganisationType.RESEARCH_INSTITUTE;
import static org.techtransfer.ledger.institution.OrganisationType.UNIVERSITY;
import static org.techtransfer.ledger.reward.PolicyName.BEIJING;
import static org.techtransfer.ledger.reward.PolicyName.NATIONAL;

/** The people, institutions, events and commands the contract tests are written with. */
final class ContractTestData {

    static final String CONTRACT = "C-2021-001";
    static final String REGISTRATION = "2021110116000123";
    static final String FIELD = "biomedicine";
    static final LocalDate SIGNED = LocalDate.of(2021, 3, 15);
    static final LocalDate RECEIVED = LocalDate.of(2021, 4, 1);
    static final LocalDate DECIDED = LocalDate.of(2021, 5, 1);
    static final LocalDate PAID = LocalDate.of(2021, 6, 1);
    /** The ledger's today: 00:30 on 7 December 2026 in Shanghai, still the 6th in UTC. */
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(0, 30).atZone(SHANGHAI).toInstant(), SHANGHAI);
    static final Buyer BUYER = new Buyer("Huairou Pharma Co.", ENTERPRISE, "110116");
    static final List<String> ACHIEVEMENTS = List.of("CN201910000001.X");
    /** Who sends the commands, unless a test says otherwise. */
    static final CommandActor RECORDER = () -> "recorder-a";

    /** Principal contributor, no leadership post. */
    static final Contributor ALICE = new Contributor("alice", "Alice Wang", true, false, false);
    /** Neither principal nor in a leadership post. */
    static final Contributor BOB = new Contributor("bob", "Bob Li", false, false, false);
    /** In a leadership post, not principal: paid only after publicity. */
    static final Contributor DEAN = new Contributor("dean", "Dean Zhao", false, true, false);
    static final List<Contributor> CONTRIBUTORS = List.of(ALICE, BOB, DEAN);

    static final InstitutionRegistered BJ_UNI = new InstitutionRegistered("BJ-UNI", "Huairou University",
            UNIVERSITY, true, "110116", BEIJING, null, null, null);
    static final InstitutionRegistered NAT_RI = new InstitutionRegistered("NAT-RI", "National Institute",
            RESEARCH_INSTITUTE, true, "310104", NATIONAL, null, null, null);
    /** Its own rate above the policy's and a shorter deadline. */
    static final InstitutionRegistered BJ_HIGH = new InstitutionRegistered("BJ-HIGH", "Generous Lab",
            ENTERPRISE, false, "110108", BEIJING, new BigDecimal("0.80"), 24, null);
    /** Its own rate below the policy's: the policy's stands. */
    static final InstitutionRegistered BJ_LOW = new InstitutionRegistered("BJ-LOW", "Frugal Lab",
            OTHER, false, "110105", BEIJING, new BigDecimal("0.60"), null, null);

    static final RewardTerms BJ_TERMS = new RewardTerms("BEIJING-2020", new BigDecimal("0.70"),
            new BigDecimal("0.70"), 36);
    static final RewardTerms NAT_TERMS = new RewardTerms("NATIONAL-2015", new BigDecimal("0.50"),
            new BigDecimal("0.50"), 36);
    static final RewardTerms NO_FLOOR_TERMS = new RewardTerms("BEIJING-2020", BigDecimal.ZERO, BigDecimal.ZERO, 36);

    private ContractTestData() {
    }

    static Money yuan(String amount) {
        return Money.of(amount);
    }

    // ---- commands ----

    static RegisterContract register(ContractKind kind, String sellerId, LocalDate signedOn) {
        return new RegisterContract(CONTRACT, REGISTRATION, kind, sellerId, BUYER, FIELD, yuan("1000000.00"),
                yuan("800000.00"), signedOn, CONTRIBUTORS, LicenseScope.EXCLUSIVE, ACHIEVEMENTS, null);
    }

    static RegisterContract register(String totalAmount, String technologyAmount) {
        return new RegisterContract(CONTRACT, REGISTRATION, ContractKind.LICENSE, BJ_UNI.institutionId(), BUYER,
                FIELD, yuan(totalAmount), yuan(technologyAmount), SIGNED, CONTRIBUTORS, null, null, null);
    }

    static RecordIncome recordIncome(String incomeId, String amount) {
        return new RecordIncome(CONTRACT, incomeId, yuan(amount), RECEIVED, IncomeCategory.ROYALTY);
    }

    static RecordCost recordCost(String costId, String amount) {
        return new RecordCost(CONTRACT, costId, yuan(amount), RECEIVED, CostCategory.TRANSACTION);
    }

    static ReceiveEquity receiveEquity(String equityId, long shares) {
        return new ReceiveEquity(CONTRACT, equityId, "Huairou Pharma Co.", shares, yuan("5000000.00"), RECEIVED);
    }

    static DecideCashReward decide(String decisionId, String total, Allocation... allocations) {
        return new DecideCashReward(CONTRACT, decisionId, DECIDED, yuan(total), List.of(allocations), null);
    }

    static DecideEquityReward decideShares(String decisionId, long totalShares, ShareAllocation... allocations) {
        return new DecideEquityReward(CONTRACT, decisionId, DECIDED, totalShares, List.of(allocations), null);
    }

    static RecordPublicity publicize(String noticeId, String decisionId, LocalDate from, LocalDate to) {
        return new RecordPublicity(CONTRACT, noticeId, decisionId, from, to, null);
    }

    static PayReward pay(String paymentId, String personId, String amount, LocalDate paidOn) {
        return new PayReward(CONTRACT, paymentId, personId, yuan(amount), paidOn, "bank transfer " + paymentId, null);
    }

    static AmendContract amend(String amendmentId, String totalAmount, String technologyAmount) {
        return new AmendContract(CONTRACT, amendmentId, yuan(totalAmount), yuan(technologyAmount), "price corrected");
    }

    static ReverseEntry reverse(String reversalId, String entryId) {
        return new ReverseEntry(CONTRACT, reversalId, entryId, "recorded by mistake", null);
    }

    static TerminateContract terminate() {
        return new TerminateContract(CONTRACT, LocalDate.of(2022, 1, 31), "buyer withdrew");
    }

    static Allocation allocation(Contributor contributor, String amount) {
        return new Allocation(contributor.personId(), yuan(amount));
    }

    static Allocation allocation(String personId, String amount) {
        return new Allocation(personId, yuan(amount));
    }

    static ShareAllocation shares(Contributor contributor, long shares) {
        return new ShareAllocation(contributor.personId(), shares);
    }

    // ---- events ----

    static ContractRegistered registered(ContractKind kind, RewardTerms terms) {
        return new ContractRegistered(CONTRACT, REGISTRATION, kind, BJ_UNI.institutionId(), BJ_UNI.type(),
                BJ_UNI.regionCode(), BUYER, FIELD, yuan("1000000.00"), yuan("800000.00"), SIGNED, CONTRIBUTORS,
                LicenseScope.EXCLUSIVE, ACHIEVEMENTS, terms, null, null);
    }

    static ContractRegistered beijingLicence() {
        return registered(ContractKind.LICENSE, BJ_TERMS);
    }

    static IncomeRecorded income(String incomeId, String amount) {
        return income(incomeId, amount, IncomeCategory.ROYALTY);
    }

    static IncomeRecorded income(String incomeId, String amount, IncomeCategory category) {
        return new IncomeRecorded(CONTRACT, incomeId, yuan(amount), RECEIVED, category);
    }

    static CostRecorded cost(String costId, String amount, CostCategory category) {
        return new CostRecorded(CONTRACT, costId, yuan(amount), RECEIVED, category);
    }

    static EquityReceived equity(String equityId, long shares) {
        return new EquityReceived(CONTRACT, equityId, "Huairou Pharma Co.", shares, yuan("5000000.00"), RECEIVED);
    }

    static CashRewardDecided decided(String decisionId, String total, Allocation... allocations) {
        return new CashRewardDecided(CONTRACT, decisionId, DECIDED, yuan(total), List.of(allocations), null);
    }

    static EquityRewardDecided sharesDecided(String decisionId, long totalShares, ShareAllocation... allocations) {
        return new EquityRewardDecided(CONTRACT, decisionId, DECIDED, totalShares, List.of(allocations), null);
    }

    static PublicityRecorded publicized(String noticeId, String decisionId, LocalDate from, LocalDate to) {
        return new PublicityRecorded(CONTRACT, noticeId, decisionId, from, to, null);
    }

    static RewardPaid paid(String paymentId, String personId, String amount, LocalDate paidOn) {
        return new RewardPaid(CONTRACT, paymentId, personId, yuan(amount), paidOn, "bank transfer " + paymentId, null);
    }

    static EntryReversed reversed(String reversalId, String entryId, org.techtransfer.ledger.reward.EntryType type) {
        return new EntryReversed(CONTRACT, reversalId, entryId, type, "recorded by mistake", null);
    }

    static ContractTerminated terminated() {
        return new ContractTerminated(CONTRACT, LocalDate.of(2022, 1, 31), "buyer withdrew");
    }
}
