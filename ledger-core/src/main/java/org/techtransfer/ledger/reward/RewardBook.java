package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.techtransfer.ledger.rule.Rule.ALLOCATED_CONTRIBUTOR_REMOVED;
import static org.techtransfer.ledger.rule.Rule.ALLOCATION_EXCEEDS_SHARES;
import static org.techtransfer.ledger.rule.Rule.ALLOCATION_SUM_MISMATCH;
import static org.techtransfer.ledger.rule.Rule.ALREADY_REVERSED;
import static org.techtransfer.ledger.rule.Rule.ALREADY_WITHDRAWN;
import static org.techtransfer.ledger.rule.Rule.DECISION_PAID;
import static org.techtransfer.ledger.rule.Rule.DEMOTION_BREAKS_PRINCIPAL_SHARE;
import static org.techtransfer.ledger.rule.Rule.EQUITY_REWARD_BELOW_MINIMUM;
import static org.techtransfer.ledger.rule.Rule.NOT_A_CONTRIBUTOR;
import static org.techtransfer.ledger.rule.Rule.NO_PRINCIPAL_CONTRIBUTOR;
import static org.techtransfer.ledger.rule.Rule.PAYMENT_BEFORE_DECISION;
import static org.techtransfer.ledger.rule.Rule.PAYMENT_EXCEEDS_ALLOCATION;
import static org.techtransfer.ledger.rule.Rule.PRINCIPAL_HEAD_EQUITY;
import static org.techtransfer.ledger.rule.Rule.PRINCIPAL_SHARE_BELOW_HALF;
import static org.techtransfer.ledger.rule.Rule.PUBLICITY_REQUIRED;
import static org.techtransfer.ledger.rule.Rule.REWARD_BELOW_MINIMUM;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_ENTRY;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * The reward arithmetic of one contract: net income, the required reward and shares, what was decided
 * and paid, the status and deadline, the reduced wage tax of each payment, and the checks of docs/domain.md on
 * contributors, decisions, withdrawals, payments and reversals.
 * <p>
 * This is the only place where these rules are computed. The aggregate feeds it its events to refuse
 * commands; queries and read models feed it the same events to show figures. It knows nothing of Axon,
 * storage or time zones: "today" is always given.
 */
public final class RewardBook {

    private final RewardTerms terms;
    private final WageTaxFacts taxFacts;
    private final Map<String, Contributor> contributors = new LinkedHashMap<>();

    private final RewardEntries entries = new RewardEntries();

    /** The decisions that stand, by id: what each gave to whom (to take it back, and for publicity and dates). */
    private final Map<String, CashDecision> cashDecisions = new HashMap<>();
    private final Map<String, EquityDecision> equityDecisions = new HashMap<>();
    private final Set<String> withdrawn = new HashSet<>();
    /** The earliest end of a publicity notice, per decision. */
    private final Map<String, LocalDate> publicityEnds = new HashMap<>();

    private final Map<String, Money> allocatedTo = new HashMap<>();
    private final Map<String, Money> paidTo = new HashMap<>();
    private final Map<String, Long> sharesAllocatedTo = new HashMap<>();

    private Money income = Money.ZERO;
    private Money costTotal = Money.ZERO;
    private Money decided = Money.ZERO;
    private Money paid = Money.ZERO;
    private long sharesReceived;
    private long sharesAllocated;

    /** A cash decision as the book keeps it. */
    public record CashDecision(LocalDate decidedOn, Money total, List<Allocation> allocations) {
    }

    /** An equity decision as the book keeps it. */
    public record EquityDecision(long totalShares, List<ShareAllocation> allocations) {
    }

    /** A payment that stands, with its reduced wage tax. */
    public record Payment(String paymentId, String personId, Money amount, LocalDate paidOn,
                          ReducedWageTax reducedWageTax) {
    }

    public RewardBook(RewardTerms terms, List<Contributor> contributors, WageTaxFacts taxFacts) {
        this.terms = terms;
        this.taxFacts = taxFacts;
        changeContributors(contributors);
    }

    public RewardTerms terms() {
        return terms;
    }

    /** The contributors as they are now, in the order last given. */
    public List<Contributor> contributors() {
        return List.copyOf(contributors.values());
    }

    // ---- recording what happened (never refuses: the checks below come first) ----

    public void recordIncome(String incomeId, Money amount, LocalDate receivedOn) {
        entries.addIncome(incomeId, amount, receivedOn);
        income = income.plus(amount);
    }

    public void recordCost(String costId, Money amount) {
        entries.addCost(costId, amount);
        costTotal = costTotal.plus(amount);
    }

    public void receiveEquity(String equityId, long shares) {
        entries.addEquity(equityId, shares);
        sharesReceived = Math.addExact(sharesReceived, shares);
    }

    public void changeContributors(List<Contributor> next) {
        contributors.clear();
        next.forEach(c -> contributors.put(c.personId(), c));
    }

    public void decideCash(String decisionId, LocalDate decidedOn, Money total, List<Allocation> allocations) {
        for (Allocation a : allocations) {
            allocatedTo.merge(a.personId(), a.amount(), Money::plus);
        }
        cashDecisions.put(decisionId, new CashDecision(decidedOn, total, List.copyOf(allocations)));
        decided = decided.plus(total);
    }

    public void decideEquity(String decisionId, long totalShares, List<ShareAllocation> allocations) {
        for (ShareAllocation a : allocations) {
            sharesAllocatedTo.merge(a.personId(), a.shares(), Math::addExact);
        }
        equityDecisions.put(decisionId, new EquityDecision(totalShares, List.copyOf(allocations)));
        sharesAllocated = Math.addExact(sharesAllocated, totalShares);
    }

    /** Takes back everything the decision gave: every figure is as if it had never been made. */
    public void withdraw(String decisionId) {
        CashDecision cash = cashDecisions.remove(decisionId);
        if (cash != null) {
            cash.allocations().forEach(a -> allocatedTo.merge(a.personId(), a.amount(), Money::minus));
            decided = decided.minus(cash.total());
        }
        EquityDecision equity = equityDecisions.remove(decisionId);
        if (equity != null) {
            equity.allocations().forEach(a -> sharesAllocatedTo.merge(a.personId(), -a.shares(), Math::addExact));
            sharesAllocated -= equity.totalShares();
        }
        withdrawn.add(decisionId);
    }

    public void publicize(String decisionId, LocalDate to) {
        publicityEnds.merge(decisionId, to, (a, b) -> a.isBefore(b) ? a : b);
    }

    /**
     * Records a payment, tagged with its reduced wage tax as things stand when it is recorded: the notices
     * recorded by then, and the oldest accrual that the payments before it left unsettled.
     */
    public void pay(String paymentId, String personId, Money amount, LocalDate paidOn) {
        ReducedWageTax tax = RewardPolicies.reducedWageTax(taxFacts, publicised(personId), this::oldestUnsettledReceipt,
                paidOn);
        entries.addPayment(paymentId, personId, amount, paidOn, tax);
        paidTo.merge(personId, amount, Money::plus);
        paid = paid.plus(amount);
    }

    public void reverse(String entryId) {
        RewardEntries.Reversal reversal = entries.reverse(entryId);
        switch (reversal.type()) {
            case INCOME -> income = income.minus(Money.ofFen(reversal.amount()));
            case COST -> costTotal = costTotal.minus(Money.ofFen(reversal.amount()));
            case EQUITY -> sharesReceived -= reversal.amount();
            case PAYMENT -> {
                Money amount = Money.ofFen(reversal.amount());
                paidTo.merge(reversal.payee(), amount, Money::minus);
                paid = paid.minus(amount);
            }
        }
    }

    // ---- checks: each throws RuleViolation naming the rule ----

    /** Each reward gives principal contributors at least half, so a contract without one could reward nobody. */
    public static void checkHasPrincipal(List<Contributor> contributors) {
        refuseIf(contributors.stream().noneMatch(Contributor::principal), NO_PRINCIPAL_CONTRIBUTOR,
                "none of the " + contributors.size() + " contributors is principal; principal contributors must get "
                        + "at least half of each reward, so one is needed", contributors.size());
    }

    /**
     * The new list keeps someone principal, keeps everyone who has been allocated or paid anything, and
     * leaves every standing decision giving principal contributors at least half under the new marks.
     */
    public void checkContributorChange(List<Contributor> next) {
        checkHasPrincipal(next);
        Map<String, Contributor> byId = new HashMap<>();
        next.forEach(c -> byId.put(c.personId(), c));
        for (String personId : contributors.keySet()) {
            refuseIf(!byId.containsKey(personId) && hasReward(personId), ALLOCATED_CONTRIBUTOR_REMOVED,
                    personId + " has been allocated or paid a reward on this contract and cannot be removed", personId);
        }
        cashDecisions.forEach((decisionId, d) -> {
            Money principal = Money.ZERO;
            for (Allocation a : d.allocations()) {
                if (isPrincipal(byId.get(a.personId()))) {
                    principal = principal.plus(a.amount());
                }
            }
            refuseIf(principal.times(2).isLessThan(d.total()), DEMOTION_BREAKS_PRINCIPAL_SHARE,
                    "with these principal marks, decision '" + decisionId + "' would give principal contributors "
                            + principal + " of " + d.total() + ", less than half", decisionId, principal, d.total());
        });
        equityDecisions.forEach((decisionId, d) -> d.allocations().forEach(a -> {
            Contributor c = byId.get(a.personId());
            refuseIf(c != null && c.principalHead(), PRINCIPAL_HEAD_EQUITY, principalHeadEquity(a.personId())
                    + ": decision '" + decisionId + "' allocated shares to them", a.personId(), decisionId);
        }));
        equityDecisions.forEach((decisionId, d) -> {
            long principal = d.allocations().stream().filter(a -> isPrincipal(byId.get(a.personId())))
                    .mapToLong(ShareAllocation::shares).sum();
            refuseIf(2 * principal < d.totalShares(), DEMOTION_BREAKS_PRINCIPAL_SHARE,
                    "with these principal marks, decision '" + decisionId + "' would give principal contributors "
                            + principal + " of " + d.totalShares() + " shares, less than half", decisionId, principal,
                    d.totalShares());
        });
    }

    private static String principalHeadEquity(String personId) {
        return personId + " is a principal head (正职领导): cash rewards only, no equity (State Council Several "
                + "Provisions, 国发〔2016〕16号)";
    }

    private static boolean isPrincipal(Contributor contributor) {
        return contributor != null && contributor.principal();
    }

    private boolean hasReward(String personId) {
        return !allocatedTo(personId).isZero() || !paidTo(personId).isZero()
                || sharesAllocatedTo.getOrDefault(personId, 0L) != 0;
    }

    /**
     * A decision may be withdrawn while nothing it allocated has been paid. Payments name a person, not a
     * decision, so they are taken to settle what the person's other decisions gave, by date: the withdrawal is
     * refused when, without the decision, a payment would no longer be covered by what had been decided for
     * its payee by its date.
     */
    public void checkWithdrawal(String decisionId) {
        refuseIf(withdrawn.contains(decisionId), ALREADY_WITHDRAWN,
                "decision '" + decisionId + "' was already withdrawn", decisionId);
        CashDecision cash = cashDecisions.get(decisionId);
        refuseIf(cash == null && !equityDecisions.containsKey(decisionId), UNKNOWN_ENTRY,
                "no reward decision '" + decisionId + "' on this contract", decisionId);
        if (cash == null) {
            return; // shares are decided, never paid: nothing can depend on an equity decision
        }
        for (Allocation a : cash.allocations()) {
            shortfall(a.personId(), cash.decidedOn(), decisionId, null, Money.ZERO).ifPresent(s -> {
                throw new RuleViolation(DECISION_PAID, "decision '" + decisionId + "' has been paid: without it, "
                        + a.personId() + " would have been paid " + s.paid() + " by " + s.day() + " with only "
                        + s.decided() + " decided for them by then", decisionId, a.personId(), s.paid(), s.day(),
                        s.decided());
            });
        }
    }

    public void checkCashDecision(Money total, List<Allocation> allocations) {
        Money sum = Money.ZERO;
        Money principal = Money.ZERO;
        for (Allocation a : allocations) {
            Contributor c = contributor(a.personId());
            sum = sum.plus(a.amount());
            if (c.principal()) {
                principal = principal.plus(a.amount());
            }
        }
        refuseIf(!sum.equals(total), ALLOCATION_SUM_MISMATCH,
                "the allocations add up to " + sum + ", the total is " + total, sum, total);
        refuseIf(principal.times(2).isLessThan(total), PRINCIPAL_SHARE_BELOW_HALF,
                "principal contributors get " + principal + " of " + total + ", less than half", principal, total);
        Money owed = rewardUndecided();
        refuseIf(owed.isPositive() && total.isLessThan(owed), REWARD_BELOW_MINIMUM,
                "the required reward still undecided is " + owed + ", the decision gives " + total + minimumBasis(
                        terms.cashRate(), "of net income"), owed, total, terms.cashRate(), terms.policyId());
    }

    public void checkEquityDecision(long totalShares, List<ShareAllocation> allocations) {
        long sum = 0;
        long principal = 0;
        for (ShareAllocation a : allocations) {
            Contributor c = contributor(a.personId());
            refuseIf(c.principalHead(), PRINCIPAL_HEAD_EQUITY, principalHeadEquity(a.personId()), a.personId());
            sum = Math.addExact(sum, a.shares());
            if (c.principal()) {
                principal = Math.addExact(principal, a.shares());
            }
        }
        refuseIf(sum != totalShares, ALLOCATION_SUM_MISMATCH,
                "the allocations add up to " + sum + " shares, the total is " + totalShares, sum, totalShares);
        refuseIf(2 * principal < totalShares, PRINCIPAL_SHARE_BELOW_HALF,
                "principal contributors get " + principal + " of " + totalShares + " shares, less than half", principal,
                totalShares);
        // compared as a difference: a sum of two huge counts would wrap around
        refuseIf(totalShares > sharesReceived - sharesAllocated, ALLOCATION_EXCEEDS_SHARES,
                totalShares + " more shares would be allocated; " + sharesAllocated + " of the " + sharesReceived
                        + " received already are", totalShares, sharesAllocated, sharesReceived);
        long owed = requiredShares() - sharesAllocated;
        refuseIf(owed > 0 && totalShares < owed, EQUITY_REWARD_BELOW_MINIMUM,
                "the required shares still undecided are " + owed + ", the decision gives " + totalShares
                        + minimumBasis(terms.shareRate(), "of the shares received"), owed, totalShares,
                terms.shareRate(), terms.policyId());
    }

    /** Says whether the minimum is the law's or a policy's, so that no refusal calls a policy "statutory". */
    private String minimumBasis(BigDecimal rate, String of) {
        String basis = RewardPolicies.floorBasis(rate) == RewardPolicies.FloorBasis.LAW
                ? "the law's minimum, Law Art. 45"
                : "policy, above the law's minimum of " + RewardPolicies.STATUTORY_FLOOR.toPlainString() + ", Law Art. 45";
        return "; the minimum is " + rate.toPlainString() + " " + of + " under " + terms.policyId() + " (" + basis + ")";
    }

    public void checkPayment(String personId, Money amount, LocalDate paidOn) {
        Contributor c = contributor(personId);
        Money allocated = allocatedTo.getOrDefault(personId, Money.ZERO);
        Money after = paidTo.getOrDefault(personId, Money.ZERO).plus(amount);
        refuseIf(after.isGreaterThan(allocated), PAYMENT_EXCEEDS_ALLOCATION,
                personId + " would be paid " + after + " in all, " + allocated + " was allocated", personId, after, allocated);
        shortfall(personId, paidOn, null, paidOn, amount).ifPresent(s -> {
            throw new RuleViolation(PAYMENT_BEFORE_DECISION, personId + " would have been paid " + s.paid() + " by "
                    + s.day() + ", but only " + s.decided() + " was decided for them by then", personId, s.paid(),
                    s.day(), s.decided());
        });
        refuseIf(c.leadership() && !publicityEndedFor(personId, paidOn), PUBLICITY_REQUIRED,
                personId + " holds a leadership post: no publicity notice of a decision for them has ended by " + paidOn
                        + " (publicising leaders' rewards is the law's duty, Beijing Art. 13; paying only once the notice"
                        + " has ended is the ledger's policy)", personId, paidOn);
    }

    public void checkPublicity(String decisionId) {
        refuseIf(withdrawn.contains(decisionId), ALREADY_WITHDRAWN,
                "decision '" + decisionId + "' was withdrawn", decisionId);
        refuseIf(!cashDecisions.containsKey(decisionId) && !equityDecisions.containsKey(decisionId), UNKNOWN_ENTRY,
                "no reward decision '" + decisionId + "' on this contract", decisionId);
    }

    public void checkReversal(String entryId) {
        refuseIf(typeOf(entryId).isEmpty(), UNKNOWN_ENTRY,
                "no income, cost, equity or payment '" + entryId + "' on this contract", entryId);
        refuseIf(entries.isReversed(entryId), ALREADY_REVERSED, "entry '" + entryId + "' was already reversed", entryId);
    }

    /** Whether a cash or equity decision of that id stands on the book. */
    public boolean hasDecision(String decisionId) {
        return cashDecisions.containsKey(decisionId) || equityDecisions.containsKey(decisionId);
    }

    /** Whether a standing decision gave money or shares. */
    public RewardKind kindOf(String decisionId) {
        return cashDecisions.containsKey(decisionId) ? RewardKind.CASH : RewardKind.EQUITY;
    }

    /** The people a standing decision allocated to, in its order. */
    public List<String> peopleOf(String decisionId) {
        CashDecision cash = cashDecisions.get(decisionId);
        return cash != null
                ? cash.allocations().stream().map(Allocation::personId).toList()
                : equityDecisions.get(decisionId).allocations().stream().map(ShareAllocation::personId).toList();
    }

    /** What kind of reversible entry the id names, if any. */
    public Optional<EntryType> typeOf(String entryId) {
        return entries.typeOf(entryId);
    }

    private Contributor contributor(String personId) {
        Contributor c = contributors.get(personId);
        refuseIf(c == null, NOT_A_CONTRIBUTOR, personId + " is not a contributor of this contract", personId);
        return c;
    }

    /** A day on which a person had been paid more than had been decided for them. */
    private record Shortfall(LocalDate day, Money paid, Money decided) {
    }

    /**
     * The first day from {@code from} on when the person would have been paid more than the decisions standing
     * by then gave them: leaving out one decision, adding one payment. A payment on the day of a decision may
     * be paid from it.
     */
    private Optional<Shortfall> shortfall(String personId, LocalDate from, String withoutDecision,
                                          LocalDate extraPaidOn, Money extraAmount) {
        // {day, 0 for a decision or 1 for a payment, fen}: sorted, a day's decisions come before its payments
        List<long[]> moves = new ArrayList<>();
        cashDecisions.forEach((id, d) -> {
            if (!id.equals(withoutDecision)) {
                d.allocations().stream().filter(a -> a.personId().equals(personId))
                        .forEach(a -> moves.add(new long[]{d.decidedOn().toEpochDay(), 0, a.amount().fen()}));
            }
        });
        entries.paymentsTo(personId, (day, fen) -> moves.add(new long[]{day, 1, fen}));
        if (extraPaidOn != null) {
            moves.add(new long[]{extraPaidOn.toEpochDay(), 1, extraAmount.fen()});
        }
        moves.sort(Comparator.<long[]>comparingLong(m -> m[0]).thenComparingLong(m -> m[1]));
        long decidedFen = 0;
        long paidFen = 0;
        for (long[] move : moves) {
            if (move[1] == 0) {
                decidedFen = Math.addExact(decidedFen, move[2]);
                continue;
            }
            paidFen = Math.addExact(paidFen, move[2]);
            if (paidFen > decidedFen && move[0] >= from.toEpochDay()) {
                return Optional.of(new Shortfall(LocalDate.ofEpochDay(move[0]), Money.ofFen(paidFen),
                        Money.ofFen(decidedFen)));
            }
        }
        return Optional.empty();
    }

    /** Whether a notice was recorded for a standing cash decision that allocated to the person. */
    private boolean publicised(String personId) {
        return cashDecisions.entrySet().stream()
                .filter(d -> d.getValue().allocations().stream().anyMatch(a -> a.personId().equals(personId)))
                .anyMatch(d -> publicityEnds.containsKey(d.getKey()));
    }

    private boolean publicityEndedFor(String personId, LocalDate paidOn) {
        return cashDecisions.entrySet().stream()
                .filter(d -> d.getValue().allocations().stream().anyMatch(a -> a.personId().equals(personId)))
                .map(d -> publicityEnds.get(d.getKey()))
                .anyMatch(end -> end != null && !end.isAfter(paidOn));
    }

    // ---- figures ----

    /** Net income: income received less taxes, maintenance and transaction costs, never below zero. */
    public Money netIncome() {
        return income.minus(costTotal).atLeastZero();
    }

    /** {@code ceil_to_fen(rate × net income)}. */
    public Money requiredReward() {
        return requiredFor(income);
    }

    /**
     * What the required reward would grow by if {@code more} income were received, at today's costs: the
     * personnel reward that a contract's expected income will create.
     */
    public Money requiredRewardOnFurtherIncome(Money more) {
        return requiredFor(income.plus(more)).minus(requiredReward());
    }

    /** The required reward if the income received so far were {@code incomeSoFar}, at today's costs. */
    public Money requiredRewardOn(Money incomeSoFar) {
        return requiredFor(incomeSoFar);
    }

    private Money requiredFor(Money incomeSoFar) {
        return incomeSoFar.minus(costTotal).atLeastZero().timesRoundedUp(terms.cashRate());
    }

    /** {@code ceil(rate × shares received)}, in whole shares. */
    public long requiredShares() {
        return BigDecimal.valueOf(sharesReceived).multiply(terms.shareRate())
                .setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** What remains to pay of the required reward, never below zero. */
    public Money outstanding() {
        return requiredReward().minus(paid).atLeastZero();
    }

    /** Income received in all, of every category, not reversed. */
    public Money income() {
        return income;
    }

    public Money rewardDecided() {
        return decided;
    }

    /** The required reward that no decision has given yet (never negative): what the next decision must at least give. */
    public Money rewardUndecided() {
        Money owed = requiredReward().minus(decided);
        return owed.isPositive() ? owed : Money.ZERO;
    }

    public Money rewardPaid() {
        return paid;
    }

    public long sharesReceived() {
        return sharesReceived;
    }

    public long sharesAllocated() {
        return sharesAllocated;
    }

    public Money allocatedTo(String personId) {
        return allocatedTo.getOrDefault(personId, Money.ZERO);
    }

    public Money paidTo(String personId) {
        return paidTo.getOrDefault(personId, Money.ZERO);
    }

    public long sharesAllocatedTo(String personId) {
        return sharesAllocatedTo.getOrDefault(personId, 0L);
    }

    /** The payments that stand, in order of record, each with its reduced wage tax. */
    public List<Payment> payments() {
        return entries.payments();
    }

    /** The reduced wage tax of a payment recorded on this contract, reversed or not. */
    public Optional<ReducedWageTax> taxOf(String paymentId) {
        return entries.taxOf(paymentId);
    }

    /**
     * The deadline of the oldest obligation not yet paid. Each income, oldest {@code receivedOn} first,
     * raises the required reward by what it adds (with today's costs); payments settle those accruals
     * oldest first. The first income whose cumulative requirement exceeds what was paid is the one
     * that is due, {@code deadlineMonths} after it was received.
     */
    public Optional<LocalDate> dueBy() {
        if (!paid.isLessThan(requiredReward())) {
            return Optional.empty();
        }
        return Optional.of(entries.standingReceivedOn(oldestUnsettled()).plusMonths(terms.deadlineMonths()));
    }

    /**
     * The receipt a payment recorded now settles first: that of the oldest accrual the payments so far leave
     * unsettled; when all are settled (a reward above the minimum), the latest receipt, the newest income the
     * payment can reward; null when no income stands.
     */
    private LocalDate oldestUnsettledReceipt() {
        if (entries.standingIncomes() == 0) {
            return null;
        }
        int at = paid.isLessThan(requiredReward()) ? oldestUnsettled() : entries.standingIncomes() - 1;
        return entries.standingReceivedOn(at);
    }

    /** The place among the standing incomes of the oldest accrual not yet settled; only while paid is below required. */
    private int oldestUnsettled() {
        // requiredFor(c) > paid means ceil(rate × (c - costs)) > paid, that is c >= costs + floor(paid / rate) + 1
        // (paid is never negative, and the rate is positive since something is required): one division here
        // instead of a rounding at every income of the walk
        long threshold = BigDecimal.valueOf(paid.fen()).divide(terms.cashRate(), 0, RoundingMode.FLOOR)
                .add(BigDecimal.valueOf(costTotal.fen())).add(BigDecimal.ONE)
                .min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact();
        long cumulative = 0;
        for (int at = 0; at < entries.standingIncomes(); at++) {
            cumulative = Math.addExact(cumulative, entries.standingFen(at));
            if (cumulative >= threshold) {
                return at;
            }
        }
        throw new IllegalStateException("the incomes do not add up to the required reward");
    }

    public RewardStatus status(LocalDate today) {
        return RewardStatus.of(requiredReward(), paid, dueBy().orElse(null), today);
    }

    public RewardFigures figures(LocalDate today) {
        long requiredShares = requiredShares();
        return new RewardFigures(income, costTotal, netIncome(), requiredReward(), decided, paid,
                outstanding(), status(today), dueBy().orElse(null),
                sharesReceived, requiredShares, sharesAllocated, Math.max(0, requiredShares - sharesAllocated),
                RewardStatus.ofShares(requiredShares, sharesAllocated));
    }

    // ---- snapshots ----

    /**
     * The book in a form that can be stored and read back: its contributors as they are now, its entries in
     * the order they were recorded (a kind letter each, {@code I}ncome, {@code C}ost, {@code E}quity or
     * {@code P}ayment; the amount in fen or shares; the payee's number of a payment; the day of an income or
     * a payment), what was reversed, and the decisions that stand and those withdrawn. Restoring records the
     * entries and decisions again, so every figure is computed by the same code as when the events were folded.
     */
    public record Snapshot(RewardTerms terms, WageTaxFacts taxFacts, List<ReducedWageTax> paymentTax,
                           List<Contributor> contributors, List<String> entryIds, String kinds,
                           long[] amounts, long[] details, long[] days, List<String> payees, List<String> reversed,
                           Map<String, CashDecision> cashDecisions, Map<String, EquityDecision> equityDecisions,
                           Set<String> withdrawn, Map<String, LocalDate> publicityEnds) {
    }

    public Snapshot snapshot() {
        RewardEntries.Columns c = entries.columns();
        return new Snapshot(terms, taxFacts, entries.taxes(), contributors(), c.ids(), c.kinds(), c.amounts(), c.details(),
                c.days(), entries.payees(), entries.reversedIds(), Map.copyOf(cashDecisions), Map.copyOf(equityDecisions),
                Set.copyOf(withdrawn), Map.copyOf(publicityEnds));
    }

    public static RewardBook restore(Snapshot s) {
        RewardBook book = new RewardBook(s.terms(), s.contributors(), s.taxFacts());
        for (int i = 0; i < s.entryIds().size(); i++) {
            String id = s.entryIds().get(i);
            long amount = s.amounts()[i];
            LocalDate day = LocalDate.ofEpochDay(s.days()[i]);
            switch (s.kinds().charAt(i)) {
                case 'I' -> book.recordIncome(id, Money.ofFen(amount), day);
                case 'C' -> book.recordCost(id, Money.ofFen(amount));
                case 'E' -> book.receiveEquity(id, amount);
                case 'P' -> book.pay(id, s.payees().get((int) s.details()[i]), Money.ofFen(amount), day);
                default -> throw new IllegalArgumentException("not a kind of entry: " + s.kinds().charAt(i));
            }
        }
        s.reversed().forEach(book::reverse);
        s.cashDecisions().forEach((id, d) -> book.decideCash(id, d.decidedOn(), d.total(), d.allocations()));
        s.equityDecisions().forEach((id, d) -> book.decideEquity(id, d.totalShares(), d.allocations()));
        book.withdrawn.addAll(s.withdrawn());
        book.publicityEnds.putAll(s.publicityEnds());
        // each payment keeps the tax it was judged with when recorded, not one judged again out of order
        book.entries.restoreTaxes(s.paymentTax());
        return book;
    }
}
