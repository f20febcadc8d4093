package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.rule.InvalidField;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.TreeMap;

import static org.techtransfer.ledger.rule.Rule.DATE_BEFORE_SIGNING;
import static org.techtransfer.ledger.rule.Rule.MILESTONE_ALREADY_REACHED;
import static org.techtransfer.ledger.rule.Rule.NOT_AN_EVENT_MILESTONE;
import static org.techtransfer.ledger.rule.Rule.NO_ROYALTY_TERMS;
import static org.techtransfer.ledger.rule.Rule.SALES_PERIOD_OVERLAP;
import static org.techtransfer.ledger.rule.Rule.SCHEDULE_SUM_MISMATCH;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_INSTALMENT;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * What one contract promises to bring: its payment terms, the licensee's sales reports, and from them and the
 * receipts its receivables. The rules on terms and reports are checked here; the reward that expected income
 * would create is asked of the contract's {@link RewardBook}, the one place of reward arithmetic.
 */
public final class DealBook {

    private PaymentTermsSet terms;
    private final List<SalesReported> reports = new ArrayList<>();
    /** Reimbursements of patent costs that stand, by income id: income, but no payment the terms promise. */
    private final Map<String, Money> reimbursements = new HashMap<>();
    private Money reimbursed = Money.ZERO;
    /**
     * The milestones reached, by instalment id: kept when the terms are set again, so that an instalment of the new
     * terms awaiting the same event is due on the day it was reached (a date the new terms give wins).
     */
    private final Map<String, LocalDate> reached = new TreeMap<>();

    public PaymentTermsSet terms() {
        return terms;
    }

    public List<SalesReported> reports() {
        return List.copyOf(reports);
    }

    // ---- recording ----

    public void setTerms(PaymentTermsSet set) {
        terms = set;
    }

    public void report(SalesReported report) {
        reports.add(report);
    }

    public void reach(MilestoneReached milestone) {
        reached.put(milestone.instalmentId(), milestone.reachedOn());
    }

    /** The day each milestone was reached, by instalment id. */
    public Map<String, LocalDate> reached() {
        return Map.copyOf(reached);
    }

    /** Only reimbursements are remembered: every other receipt settles receivables, and the contract has their sum. */
    public void recordIncome(String incomeId, Money amount, boolean reimbursement) {
        if (reimbursement) {
            reimbursements.put(incomeId, amount);
            reimbursed = reimbursed.plus(amount);
        }
    }

    public void reverse(String entryId) {
        Money amount = reimbursements.remove(entryId);
        if (amount != null) {
            reimbursed = reimbursed.minus(amount);
        }
    }

    // ---- checks ----

    /**
     * Without a royalty the instalments add up to the contract's amount exactly; with one they leave room for it,
     * adding up to at most the amount. None is due before the contract was signed, and terms that replace
     * earlier ones say why.
     */
    public void checkTerms(SetPaymentTerms command, Money totalAmount, LocalDate signedOn) {
        if (terms != null && command.changeReason() == null) {
            throw new InvalidField("changeReason", "is required when the terms replace those set by '" + terms.termsId() + "'");
        }
        Money sum = PaymentSchedule.sum(command.instalments());
        boolean royalty = command.royalty() != null;
        refuseIf(royalty ? sum.isGreaterThan(totalAmount) : !sum.equals(totalAmount), SCHEDULE_SUM_MISMATCH,
                "the instalments add up to " + sum + (royalty ? ", above" : ", not") + " the contract amount "
                        + totalAmount + (royalty ? " (the royalty comes on top)" : ""), sum, totalAmount);
        for (Instalment i : command.instalments()) {
            refuseIf(i.dueOn() != null && i.dueOn().isBefore(signedOn), DATE_BEFORE_SIGNING, "instalment '"
                    + i.instalmentId() + "' is due on " + i.dueOn() + ", before the contract was signed, on "
                    + signedOn, i.dueOn(), signedOn);
        }
    }

    /** Only a milestone of the terms in force that awaits its event can be reached, and only once. */
    public void checkMilestone(String instalmentId) {
        Instalment instalment = terms == null ? null : terms.instalments().stream()
                .filter(i -> i.instalmentId().equals(instalmentId)).findFirst().orElse(null);
        refuseIf(instalment == null, UNKNOWN_INSTALMENT, "the contract's payment terms have no instalment '"
                + instalmentId + "'", instalmentId);
        refuseIf(instalment.kind() != InstalmentKind.MILESTONE || instalment.dueOn() != null, NOT_AN_EVENT_MILESTONE,
                "instalment '" + instalmentId + "' is not a milestone awaiting an event: it is due on "
                        + instalment.dueOn(), instalmentId, instalment.dueOn());
        LocalDate already = reached.get(instalmentId);
        refuseIf(already != null, MILESTONE_ALREADY_REACHED, "milestone '" + instalmentId
                + "' was already reached on " + already, instalmentId, already);
    }

    /** A sales report needs a running royalty to apply, and a period no earlier report covers. */
    public void checkReport(ReportSales command) {
        refuseIf(terms == null || terms.royalty() == null, NO_ROYALTY_TERMS,
                "the contract's payment terms set no running royalty; set them before reporting sales");
        for (SalesReported r : reports) {
            boolean overlaps = !command.periodFrom().isAfter(r.periodTo()) && !r.periodFrom().isAfter(command.periodTo());
            refuseIf(overlaps, SALES_PERIOD_OVERLAP, "the period " + command.periodFrom() + " to "
                            + command.periodTo() + " overlaps report '" + r.reportId() + "' (" + r.periodFrom() + " to "
                            + r.periodTo() + ")", command.periodFrom(), command.periodTo(), r.reportId(),
                    r.periodFrom(), r.periodTo());
        }
    }

    /** The event a sales report records: the royalty it makes due under the running royalty of the terms. */
    public SalesReported reported(ReportSales command) {
        RoyaltyTerms royalty = terms.royalty();
        return new SalesReported(command.contractId(), command.reportId(), command.periodFrom(), command.periodTo(),
                command.netSales(), royalty.royaltyOn(command.netSales()), royalty.dueAfter(command.periodTo()));
    }

    // ---- figures ----

    /**
     * The receivables on {@code today}. Receipts (every standing income but reimbursements of costs) settle the
     * receivables in order of due date, a milestone awaiting its event last: the oldest promise is the first
     * kept. What they leave unsettled past its due date is overdue. {@code rewardOnFurtherIncome} gives the reward
     * that income still to come would require (the reward book's arithmetic).
     */
    public Receivables receivables(Money income, UnaryOperator<Money> rewardOnFurtherIncome, LocalDate today) {
        Money receipts = income.minus(reimbursed).atLeastZero();
        List<Receivable> expected = expected();
        List<Receivable> items = new ArrayList<>(expected.size());
        Money left = receipts;
        Money total = Money.ZERO;
        Money overdue = Money.ZERO;
        for (Receivable r : expected) {
            Money received = left.isLessThan(r.amount()) ? left : r.amount();
            left = left.minus(received);
            Money open = r.amount().minus(received);
            ReceivableStatus status = open.isZero() ? ReceivableStatus.RECEIVED
                    : r.dueOn() == null ? ReceivableStatus.AWAITING_EVENT
                    : r.dueOn().isBefore(today) ? ReceivableStatus.OVERDUE : ReceivableStatus.NOT_YET_DUE;
            if (status == ReceivableStatus.OVERDUE) {
                overdue = overdue.plus(open);
            }
            total = total.plus(r.amount());
            items.add(new Receivable(r.itemId(), r.kind(), r.amount(), r.dueOn(), r.milestone(), received, status));
        }
        Money settled = receipts.minus(left);
        Money outstanding = total.minus(settled);
        return new Receivables(terms != null, total, settled, outstanding, overdue,
                rewardOnFurtherIncome.apply(outstanding), left, List.copyOf(items));
    }

    /** Everything the terms and reports make due, in the order receipts settle them; {@code received} not yet set. */
    private List<Receivable> expected() {
        List<Receivable> items = new ArrayList<>();
        if (terms == null) {
            return items;
        }
        for (Instalment i : terms.instalments()) {
            // a milestone awaiting its event is due on the day it was reached, as a dated milestone on its date
            LocalDate dueOn = i.dueOn() != null || i.kind() != InstalmentKind.MILESTONE ? i.dueOn()
                    : reached.get(i.instalmentId());
            items.add(new Receivable(i.instalmentId(), i.kind() == InstalmentKind.FIXED ? ReceivableKind.INSTALMENT
                    : ReceivableKind.MILESTONE, i.amount(), dueOn, i.milestone(), null, null));
        }
        Map<Integer, Money> royaltiesByYear = new TreeMap<>();
        for (SalesReported r : reports) {
            royaltiesByYear.merge(r.periodTo().getYear(), r.royalty(), Money::plus);
            if (r.royalty().isPositive()) {
                items.add(new Receivable(r.reportId(), ReceivableKind.ROYALTY, r.royalty(), r.royaltyDueOn(), null,
                        null, null));
            }
        }
        RoyaltyTerms royalty = terms.royalty();
        if (royalty != null && royalty.minimumAnnual() != null) {
            for (int year = royalty.firstYear(); year <= royalty.lastYear(); year++) {
                Money shortfall = royalty.minimumAnnual().minus(royaltiesByYear.getOrDefault(year, Money.ZERO));
                if (shortfall.isPositive()) {
                    items.add(new Receivable("MIN-" + year, ReceivableKind.MINIMUM_ROYALTY, shortfall,
                            royalty.minimumDue(year), null, null, null));
                }
            }
        }
        // stable: items due the same day keep the order above (instalments, royalties, minimums)
        items.sort(Comparator.comparing(Receivable::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    // ---- snapshots ----

    public record Snapshot(PaymentTermsSet terms, List<SalesReported> reports, Map<String, Money> reimbursements,
                           Map<String, LocalDate> reached) {
    }

    public Snapshot snapshot() {
        return new Snapshot(terms, List.copyOf(reports), Map.copyOf(reimbursements), Map.copyOf(reached));
    }

    public static DealBook restore(Snapshot snapshot) {
        DealBook book = new DealBook();
        book.terms = snapshot.terms();
        book.reports.addAll(snapshot.reports());
        snapshot.reimbursements().forEach((id, amount) -> book.recordIncome(id, amount, true));
        book.reached.putAll(snapshot.reached());
        return book;
    }
}
