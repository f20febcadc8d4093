package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.techtransfer.ledger.rule.Rule.ALLOCATION_EXCEEDS_SHARES;
import static org.techtransfer.ledger.rule.Rule.ALLOCATION_SUM_MISMATCH;
import static org.techtransfer.ledger.rule.Rule.ALREADY_REVERSED;
import static org.techtransfer.ledger.rule.Rule.EQUITY_REWARD_BELOW_MINIMUM;
import static org.techtransfer.ledger.rule.Rule.NOT_A_CONTRIBUTOR;
import static org.techtransfer.ledger.rule.Rule.PAYMENT_EXCEEDS_ALLOCATION;
import static org.techtransfer.ledger.rule.Rule.PRINCIPAL_SHARE_BELOW_HALF;
import static org.techtransfer.ledger.rule.Rule.PUBLICITY_REQUIRED;
import static org.techtransfer.ledger.rule.Rule.REWARD_BELOW_MINIMUM;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_ENTRY;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * The reward arithmetic of one contract: net income, the required reward and shares, what was decided
 * and paid, the status and deadline, and the checks of RULES.md on decisions, payments and reversals.
 * <p>
 * This is the only place where these rules are computed. The aggregate feeds it its events to refuse
 * commands; queries and read models feed it the same events to show figures. It knows nothing of Axon,
 * storage or time zones: "today" is always given.
 */
public final class RewardBook {

    /** Reversible entries by id: the kind in the low two bits, the entry's row in its kind's columns above. */
    private static final int INCOME = 0;
    private static final int COST = 1;
    private static final int EQUITY = 2;
    private static final int PAYMENT = 3;

    private final RewardTerms terms;
    private final Map<String, Contributor> contributors = new LinkedHashMap<>();

    // Entries are held in columns of primitives: a contract may have thousands, and every contract in use
    // is kept in memory.
    private final EntryIndex entries = new EntryIndex();
    private final Column incomeFen = new Column();
    private final Column incomeDay = new Column();
    private final Column costFen = new Column();
    private final Column equityShares = new Column();
    private final Column paymentFen = new Column();
    private final Column paymentPerson = new Column();
    private final List<String> payees = new ArrayList<>();
    private final Map<String, Integer> payeeNumbers = new HashMap<>();
    /** The rows of the incomes that stand, oldest receipt first (then in order of record), so dueBy needs no sort. */
    private int[] standing = new int[16];
    private int standingCount;
    private final Set<String> reversed = new HashSet<>();

    /** Cash decisions: which people each one allocated to (for publicity). */
    private final Map<String, Set<String>> cashDecisions = new HashMap<>();
    private final Set<String> equityDecisions = new HashSet<>();
    /** The earliest end of a publicity notice, per decision. */
    private final Map<String, LocalDate> publicityEnds = new HashMap<>();

    private final Map<String, Money> allocatedTo = new HashMap<>();
    private final Map<String, Money> paidTo = new HashMap<>();

    private Money income = Money.ZERO;
    private Money costTotal = Money.ZERO;
    private Money decided = Money.ZERO;
    private Money paid = Money.ZERO;
    private long sharesReceived;
    private long sharesAllocated;

    public RewardBook(RewardTerms terms, List<Contributor> contributors) {
        this.terms = terms;
        contributors.forEach(c -> this.contributors.put(c.personId(), c));
    }

    public RewardTerms terms() {
        return terms;
    }

    // ---- recording what happened (never refuses: the checks below come first) ----

    public void recordIncome(String incomeId, Money amount, LocalDate receivedOn) {
        int row = incomeFen.add(amount.fen());
        incomeDay.add(receivedOn.toEpochDay());
        entries.put(incomeId, row << 2 | INCOME);
        stand(row);
        income = income.plus(amount);
    }

    public void recordCost(String costId, Money amount) {
        entries.put(costId, costFen.add(amount.fen()) << 2 | COST);
        costTotal = costTotal.plus(amount);
    }

    public void receiveEquity(String equityId, long shares) {
        entries.put(equityId, equityShares.add(shares) << 2 | EQUITY);
        sharesReceived = Math.addExact(sharesReceived, shares);
    }

    public void decideCash(String decisionId, Money total, List<Allocation> allocations) {
        Set<String> people = new HashSet<>();
        for (Allocation a : allocations) {
            allocatedTo.merge(a.personId(), a.amount(), Money::plus);
            people.add(a.personId());
        }
        cashDecisions.put(decisionId, people);
        decided = decided.plus(total);
    }

    public void decideEquity(String decisionId, long totalShares) {
        equityDecisions.add(decisionId);
        sharesAllocated = Math.addExact(sharesAllocated, totalShares);
    }

    public void publicize(String decisionId, LocalDate to) {
        publicityEnds.merge(decisionId, to, (a, b) -> a.isBefore(b) ? a : b);
    }

    public void pay(String paymentId, String personId, Money amount) {
        int row = paymentFen.add(amount.fen());
        paymentPerson.add(payeeNumbers.computeIfAbsent(personId, p -> {
            payees.add(p);
            return payees.size() - 1;
        }));
        entries.put(paymentId, row << 2 | PAYMENT);
        paidTo.merge(personId, amount, Money::plus);
        paid = paid.plus(amount);
    }

    public void reverse(String entryId) {
        int entry = entries.get(entryId);
        int row = entry >>> 2;
        switch (entry & 3) {
            case INCOME -> {
                unstand(row);
                income = income.minus(Money.ofFen(incomeFen.get(row)));
            }
            case COST -> costTotal = costTotal.minus(Money.ofFen(costFen.get(row)));
            case EQUITY -> sharesReceived -= equityShares.get(row);
            case PAYMENT -> {
                Money amount = Money.ofFen(paymentFen.get(row));
                paidTo.merge(payees.get((int) paymentPerson.get(row)), amount, Money::minus);
                paid = paid.minus(amount);
            }
            default -> throw new IllegalStateException("unreachable");
        }
        reversed.add(entryId);
    }

    /**
     * Puts an income among the standing ones, after every income received on or before its day. Found by
     * halving, not by walking: incomes arrive in any order of day, and a contract may hold thousands.
     */
    private void stand(int row) {
        long day = incomeDay.get(row);
        int low = 0;
        int high = standingCount;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (incomeDay.get(standing[middle]) <= day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (standingCount == standing.length) {
            standing = Arrays.copyOf(standing, standingCount + (standingCount >> 1));
        }
        System.arraycopy(standing, low, standing, low + 1, standingCount - low);
        standing[low] = row;
        standingCount++;
    }

    private void unstand(int row) {
        for (int at = 0; at < standingCount; at++) {
            if (standing[at] == row) {
                System.arraycopy(standing, at + 1, standing, at, standingCount - at - 1);
                standingCount--;
                return;
            }
        }
    }

    // ---- checks: each throws RuleViolation naming the rule ----

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
        Money owed = requiredReward().minus(decided);
        refuseIf(owed.isPositive() && total.isLessThan(owed), REWARD_BELOW_MINIMUM,
                "the required reward still undecided is " + owed + ", the decision gives " + total, owed, total);
    }

    public void checkEquityDecision(long totalShares, List<ShareAllocation> allocations) {
        long sum = 0;
        long principal = 0;
        for (ShareAllocation a : allocations) {
            Contributor c = contributor(a.personId());
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
                "the required shares still undecided are " + owed + ", the decision gives " + totalShares, owed,
                totalShares);
    }

    public void checkPayment(String personId, Money amount, LocalDate paidOn) {
        Contributor c = contributor(personId);
        Money allocated = allocatedTo.getOrDefault(personId, Money.ZERO);
        Money after = paidTo.getOrDefault(personId, Money.ZERO).plus(amount);
        refuseIf(after.isGreaterThan(allocated), PAYMENT_EXCEEDS_ALLOCATION,
                personId + " would be paid " + after + " in all, " + allocated + " was allocated", personId, after, allocated);
        refuseIf(c.leadership() && !publicityEndedFor(personId, paidOn), PUBLICITY_REQUIRED,
                personId + " holds a leadership post: no publicity notice of a decision for them has ended by " + paidOn,
                personId, paidOn);
    }

    public void checkPublicity(String decisionId) {
        refuseIf(!cashDecisions.containsKey(decisionId) && !equityDecisions.contains(decisionId), UNKNOWN_ENTRY,
                "no reward decision '" + decisionId + "' on this contract", decisionId);
    }

    public void checkReversal(String entryId) {
        refuseIf(typeOf(entryId).isEmpty(), UNKNOWN_ENTRY,
                "no income, cost, equity or payment '" + entryId + "' on this contract", entryId);
        refuseIf(reversed.contains(entryId), ALREADY_REVERSED, "entry '" + entryId + "' was already reversed", entryId);
    }

    /** What kind of reversible entry the id names, if any. */
    public Optional<EntryType> typeOf(String entryId) {
        int entry = entries.get(entryId);
        if (entry < 0) {
            return Optional.empty();
        }
        return Optional.of(switch (entry & 3) {
            case INCOME -> EntryType.INCOME;
            case COST -> EntryType.COST;
            case EQUITY -> EntryType.EQUITY;
            default -> EntryType.PAYMENT;
        });
    }

    private Contributor contributor(String personId) {
        Contributor c = contributors.get(personId);
        refuseIf(c == null, NOT_A_CONTRIBUTOR, personId + " is not a contributor of this contract", personId);
        return c;
    }

    private boolean publicityEndedFor(String personId, LocalDate paidOn) {
        return cashDecisions.entrySet().stream()
                .filter(d -> d.getValue().contains(personId))
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

    public Money rewardDecided() {
        return decided;
    }

    public Money rewardPaid() {
        return paid;
    }

    public Money allocatedTo(String personId) {
        return allocatedTo.getOrDefault(personId, Money.ZERO);
    }

    public Money paidTo(String personId) {
        return paidTo.getOrDefault(personId, Money.ZERO);
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
        // requiredFor(c) > paid means ceil(rate × (c - costs)) > paid, that is c >= costs + floor(paid / rate) + 1
        // (paid is never negative, and the rate is positive since something is required): one division here
        // instead of a rounding at every income of the walk
        long threshold = BigDecimal.valueOf(paid.fen()).divide(terms.cashRate(), 0, RoundingMode.FLOOR)
                .add(BigDecimal.valueOf(costTotal.fen())).add(BigDecimal.ONE)
                .min(BigDecimal.valueOf(Long.MAX_VALUE)).longValueExact();
        long cumulative = 0;
        for (int at = 0; at < standingCount; at++) {
            int row = standing[at];
            cumulative = Math.addExact(cumulative, incomeFen.get(row));
            if (cumulative >= threshold) {
                return Optional.of(LocalDate.ofEpochDay(incomeDay.get(row)).plusMonths(terms.deadlineMonths()));
            }
        }
        throw new IllegalStateException("the incomes do not add up to the required reward");
    }

    public RewardStatus status(LocalDate today) {
        return RewardStatus.of(requiredReward(), paid, dueBy().orElse(null), today);
    }

    public RewardFigures figures(LocalDate today) {
        return new RewardFigures(income, costTotal, netIncome(), requiredReward(), decided, paid,
                outstanding(), status(today), dueBy().orElse(null),
                sharesReceived, requiredShares(), sharesAllocated);
    }

    // ---- snapshots ----

    /**
     * The book in a form that can be stored and read back: its entries in the order they were recorded (a
     * kind letter each, {@code I}ncome, {@code C}ost, {@code E}quity or {@code P}ayment; the amount in fen or
     * shares; the day received of an income or the payee's number of a payment), what was reversed, and the
     * decisions as the book keeps them. Restoring records the entries again in the same order, so every
     * figure is computed by the same code as when the events were folded.
     */
    public record Snapshot(RewardTerms terms, List<Contributor> contributors, List<String> entryIds, String kinds,
                           long[] amounts, long[] details, List<String> payees, List<String> reversed,
                           Map<String, Set<String>> cashDecisions, Set<String> equityDecisions,
                           Map<String, LocalDate> publicityEnds, Map<String, Money> allocatedTo, Money decided,
                           long sharesAllocated) {
    }

    public Snapshot snapshot() {
        int n = entries.size();
        List<String> ids = new ArrayList<>(n);
        StringBuilder kinds = new StringBuilder(n);
        long[] amounts = new long[n];
        long[] details = new long[n];
        for (int i = 0; i < n; i++) {
            ids.add(entries.idAt(i));
            int entry = entries.valueAt(i);
            int row = entry >>> 2;
            switch (entry & 3) {
                case INCOME -> {
                    kinds.append('I');
                    amounts[i] = incomeFen.get(row);
                    details[i] = incomeDay.get(row);
                }
                case COST -> {
                    kinds.append('C');
                    amounts[i] = costFen.get(row);
                }
                case EQUITY -> {
                    kinds.append('E');
                    amounts[i] = equityShares.get(row);
                }
                default -> {
                    kinds.append('P');
                    amounts[i] = paymentFen.get(row);
                    details[i] = paymentPerson.get(row);
                }
            }
        }
        return new Snapshot(terms, List.copyOf(contributors.values()), ids, kinds.toString(), amounts, details,
                List.copyOf(payees), List.copyOf(reversed), Map.copyOf(cashDecisions), Set.copyOf(equityDecisions),
                Map.copyOf(publicityEnds), Map.copyOf(allocatedTo), decided, sharesAllocated);
    }

    public static RewardBook restore(Snapshot s) {
        RewardBook book = new RewardBook(s.terms(), s.contributors());
        for (int i = 0; i < s.entryIds().size(); i++) {
            String id = s.entryIds().get(i);
            long amount = s.amounts()[i];
            long detail = s.details()[i];
            switch (s.kinds().charAt(i)) {
                case 'I' -> book.recordIncome(id, Money.ofFen(amount), LocalDate.ofEpochDay(detail));
                case 'C' -> book.recordCost(id, Money.ofFen(amount));
                case 'E' -> book.receiveEquity(id, amount);
                case 'P' -> book.pay(id, s.payees().get((int) detail), Money.ofFen(amount));
                default -> throw new IllegalArgumentException("not a kind of entry: " + s.kinds().charAt(i));
            }
        }
        s.reversed().forEach(book::reverse);
        s.cashDecisions().forEach((decision, people) -> book.cashDecisions.put(decision, new HashSet<>(people)));
        book.equityDecisions.addAll(s.equityDecisions());
        book.publicityEnds.putAll(s.publicityEnds());
        book.allocatedTo.putAll(s.allocatedTo());
        book.decided = s.decided();
        book.sharesAllocated = s.sharesAllocated();
        return book;
    }

    /** A growable column of numbers; a row, once added, keeps its place. */
    private static final class Column {
        private long[] values = new long[8];
        private int size;

        int add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size + (size >> 1));
            }
            values[size] = value;
            return size++;
        }

        long get(int row) {
            return values[row];
        }
    }
}
