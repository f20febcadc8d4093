package org.techtransfer.ledger.reward;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.techtransfer.ledger.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a {@link RewardBook} keeps its reversible entries (incomes, costs, equity received, payments): the rules
 * are the book's, the storage is here. A contract may hold many thousands of entries and every contract in use is
 * kept in memory, so they are columns of primitives: an entry's id maps to its kind (the low two bits) and its
 * row in that kind's columns (the rest).
 */
final class RewardEntries {

    private static final int INCOME = 0;
    private static final int COST = 1;
    private static final int EQUITY = 2;
    private static final int PAYMENT = 3;

    /** An entry taken back: its kind, its amount (fen, or shares for equity) and, for a payment, its payee. */
    record Reversal(EntryType type, long amount, String payee) {
    }

    /** Receives a payment's day (epoch day) and amount in fen. */
    @FunctionalInterface
    interface DayAndFen {
        void accept(long day, long fen);
    }

    private final EntryIndex ids = new EntryIndex();
    private final LongArrayList incomeFen = new LongArrayList();
    private final LongArrayList incomeDay = new LongArrayList();
    private final LongArrayList costFen = new LongArrayList();
    private final LongArrayList equityShares = new LongArrayList();
    private final LongArrayList paymentFen = new LongArrayList();
    private final LongArrayList paymentDay = new LongArrayList();
    private final IntArrayList paymentPayee = new IntArrayList();
    private final List<String> paymentIds = new ArrayList<>();
    /** The reduced wage tax of each payment, by row, as judged when it was recorded. */
    private final List<ReducedWageTax> paymentTax = new ArrayList<>();
    /** The rows of the payments reversed: they settle nothing. */
    private final BitSet reversedPayments = new BitSet();
    private final List<String> payees = new ArrayList<>();
    private final Map<String, Integer> payeeNumbers = new HashMap<>();
    /** The rows of the incomes that stand, oldest receipt first (then in order of record), so dueBy needs no sort. */
    private final IntArrayList standing = new IntArrayList();
    private final Set<String> reversed = new HashSet<>();

    void addIncome(String id, Money amount, LocalDate receivedOn) {
        int row = incomeFen.size();
        incomeFen.add(amount.fen());
        incomeDay.add(receivedOn.toEpochDay());
        ids.put(id, row << 2 | INCOME);
        stand(row);
    }

    void addCost(String id, Money amount) {
        ids.put(id, costFen.size() << 2 | COST);
        costFen.add(amount.fen());
    }

    void addEquity(String id, long shares) {
        ids.put(id, equityShares.size() << 2 | EQUITY);
        equityShares.add(shares);
    }

    void addPayment(String id, String personId, Money amount, LocalDate paidOn, ReducedWageTax tax) {
        int row = paymentFen.size();
        paymentTax.add(tax);
        paymentIds.add(id);
        paymentFen.add(amount.fen());
        paymentDay.add(paidOn.toEpochDay());
        paymentPayee.add((int) payeeNumbers.computeIfAbsent(personId, p -> {
            payees.add(p);
            return payees.size() - 1;
        }));
        ids.put(id, row << 2 | PAYMENT);
    }

    /** Takes the entry back: a reversed income no longer stands, a reversed payment settles nothing. */
    Reversal reverse(String id) {
        int entry = ids.get(id);
        int row = entry >>> 2;
        reversed.add(id);
        return switch (entry & 3) {
            case INCOME -> {
                standing.rem(row);
                yield new Reversal(EntryType.INCOME, incomeFen.getLong(row), null);
            }
            case COST -> new Reversal(EntryType.COST, costFen.getLong(row), null);
            case EQUITY -> new Reversal(EntryType.EQUITY, equityShares.getLong(row), null);
            default -> {
                reversedPayments.set(row);
                yield new Reversal(EntryType.PAYMENT, paymentFen.getLong(row), payees.get(paymentPayee.getInt(row)));
            }
        };
    }

    boolean isReversed(String id) {
        return reversed.contains(id);
    }

    /** What kind of entry the id names, if any. */
    Optional<EntryType> typeOf(String id) {
        int entry = ids.get(id);
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

    /** The reduced wage tax of a payment, reversed or not. */
    Optional<ReducedWageTax> taxOf(String paymentId) {
        int entry = ids.get(paymentId);
        return entry >= 0 && (entry & 3) == PAYMENT ? Optional.of(paymentTax.get(entry >>> 2)) : Optional.empty();
    }

    /** Each payment to the person that stands, in order of record. */
    void paymentsTo(String personId, DayAndFen payment) {
        Integer payee = payeeNumbers.get(personId);
        for (int row = 0; payee != null && row < paymentFen.size(); row++) {
            if (paymentPayee.getInt(row) == payee && !reversedPayments.get(row)) {
                payment.accept(paymentDay.getLong(row), paymentFen.getLong(row));
            }
        }
    }

    /** The payments that stand, in order of record, each with its reduced wage tax. */
    List<RewardBook.Payment> payments() {
        List<RewardBook.Payment> list = new ArrayList<>();
        for (int row = 0; row < paymentFen.size(); row++) {
            if (!reversedPayments.get(row)) {
                list.add(new RewardBook.Payment(paymentIds.get(row), payees.get(paymentPayee.getInt(row)),
                        Money.ofFen(paymentFen.getLong(row)), LocalDate.ofEpochDay(paymentDay.getLong(row)),
                        paymentTax.get(row)));
            }
        }
        return list;
    }

    /** How many incomes stand. */
    int standingIncomes() {
        return standing.size();
    }

    /** The receipt day of the {@code at}-th standing income, oldest first. */
    LocalDate standingReceivedOn(int at) {
        return LocalDate.ofEpochDay(incomeDay.getLong(standing.getInt(at)));
    }

    /** The amount in fen of the {@code at}-th standing income, oldest first. */
    long standingFen(int at) {
        return incomeFen.getLong(standing.getInt(at));
    }

    /**
     * Puts an income among the standing ones, after every income received on or before its day. Found by
     * halving, not by walking: incomes arrive in any order of day, and a contract may hold thousands.
     */
    private void stand(int row) {
        long day = incomeDay.getLong(row);
        int low = 0;
        int high = standing.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (incomeDay.getLong(standing.getInt(middle)) <= day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        standing.add(low, row);
    }

    // ---- snapshots ----

    /** The entries in order of record, as {@link RewardBook.Snapshot} stores them. */
    record Columns(List<String> ids, String kinds, long[] amounts, long[] details, long[] days) {
    }

    Columns columns() {
        int n = ids.size();
        List<String> idList = new ArrayList<>(n);
        StringBuilder kinds = new StringBuilder(n);
        long[] amounts = new long[n];
        long[] details = new long[n];
        long[] days = new long[n];
        for (int i = 0; i < n; i++) {
            idList.add(ids.idAt(i));
            int entry = ids.valueAt(i);
            int row = entry >>> 2;
            switch (entry & 3) {
                case INCOME -> {
                    kinds.append('I');
                    amounts[i] = incomeFen.getLong(row);
                    days[i] = incomeDay.getLong(row);
                }
                case COST -> {
                    kinds.append('C');
                    amounts[i] = costFen.getLong(row);
                }
                case EQUITY -> {
                    kinds.append('E');
                    amounts[i] = equityShares.getLong(row);
                }
                default -> {
                    kinds.append('P');
                    amounts[i] = paymentFen.getLong(row);
                    details[i] = paymentPayee.getInt(row);
                    days[i] = paymentDay.getLong(row);
                }
            }
        }
        return new Columns(idList, kinds.toString(), amounts, details, days);
    }

    List<String> payees() {
        return List.copyOf(payees);
    }

    List<String> reversedIds() {
        return List.copyOf(reversed);
    }

    List<ReducedWageTax> taxes() {
        return List.copyOf(paymentTax);
    }

    /** Each payment's tax as it was judged when recorded (a restore records the payments again, out of order). */
    void restoreTaxes(List<ReducedWageTax> taxes) {
        paymentTax.clear();
        paymentTax.addAll(taxes);
    }
}
