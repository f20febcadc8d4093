package org.techtransfer.ledger.coownership;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardFigures;
import org.techtransfer.ledger.reward.RewardStatus;
import org.techtransfer.ledger.reward.WageTaxFacts;
import org.techtransfer.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.techtransfer.ledger.rule.Rule.CO_OWNERS_AFTER_EQUITY;
import static org.techtransfer.ledger.rule.Rule.CO_OWNERS_AFTER_RECEIPTS;
import static org.techtransfer.ledger.rule.Rule.CO_OWNER_SHARES_NOT_WHOLE;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * The co-owners of a contract's achievements and, for each, a {@link RewardBook} of its own: its split of every
 * receipt and cost, under the terms of its own policy, so its reward obligation is computed on its own share by
 * the one place of reward arithmetic. Shares received are split by the same rule as money. Each co-owner decides,
 * publicises and pays its own reward on its own book. Reversals take back each co-owner's part. The seller's own
 * share is also what the contract's book holds (see {@link #sellerPart}), and the seller's decisions and payments
 * go in both: the seller's obligation is counted once, on its share.
 */
public final class CoOwnerBooks {

    private final List<CoOwnerTerms> owners = new ArrayList<>();
    /** Each owner's book, in the order of {@code owners} (an array: a map would compare the books by identity). */
    private RewardBook[] books = new RewardBook[0];

    /**
     * The ids of the equity receipts that stand, each with every owner's part of its valuation, in the order of
     * {@code owners}: the shares themselves are in the books.
     */
    private final Map<String, List<Money>> equityValues = new LinkedHashMap<>();

    /**
     * One co-owner's figures: its part of the receipts, costs and shares, the reward it owes under its own policy
     * and what it decided and paid on its own book.
     *
     * @param equityValue its part of the valuation of the shares received, split like the shares
     */
    public record CoOwnerFigures(String institutionId, BigDecimal share, String policyId, BigDecimal rate,
                                 Money income, Money deductibleCosts, Money netIncome, Money requiredReward,
                                 LocalDate dueBy, Money rewardDecided, Money rewardPaid, Money outstanding,
                                 RewardStatus rewardStatus, long sharesReceived, Money equityValue,
                                 long requiredShares, long sharesAllocated, RewardStatus equityStatus) {
    }

    public boolean isCoOwned() {
        return !owners.isEmpty();
    }

    public List<CoOwnerTerms> owners() {
        return List.copyOf(owners);
    }

    /** What all the owners received: the whole of the contract's standing income. */
    public Money income() {
        Money income = Money.ZERO;
        for (RewardBook book : books) {
            income = income.plus(book.income());
        }
        return income;
    }

    /** The seller's part of a receipt or cost, as {@link #recordIncome} splits it. */
    public Money sellerPart(String sellerId, Money amount) {
        return split(amount).get(place(sellerId));
    }

    /** The seller's part of shares received, as {@link #receiveEquity} splits them. */
    public long sellerShares(String sellerId, long shares) {
        return CoOwnerSplit.split(shares, coOwners())[place(sellerId)];
    }

    private int place(String institutionId) {
        for (int i = 0; i < owners.size(); i++) {
            if (owners.get(i).institutionId().equals(institutionId)) {
                return i;
            }
        }
        throw new IllegalStateException(institutionId + " is not among the co-owners");
    }

    /** The co-owner's own book, where its share, decisions, notices and payments are; empty for any other. */
    public Optional<RewardBook> book(String institutionId) {
        for (int i = 0; i < owners.size(); i++) {
            if (owners.get(i).institutionId().equals(institutionId)) {
                return Optional.of(books[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * The shares add up to 1 exactly, the seller is one of the owners, and no receipt, cost or shares have been
     * recorded yet without them (they are split as they come; they cannot be split again).
     */
    public static void check(SetCoOwners command, String sellerId, Money recordedSoFar, long sharesSoFar) {
        BigDecimal sum = command.owners().stream().map(CoOwner::share).reduce(BigDecimal.ZERO, BigDecimal::add);
        refuseIf(sum.compareTo(BigDecimal.ONE) != 0, CO_OWNER_SHARES_NOT_WHOLE, "the co-owners' shares add up to "
                + sum.toPlainString() + ", not 1", sum);
        if (command.owners().stream().noneMatch(o -> o.institutionId().equals(sellerId))) {
            throw new InvalidField("owners", "must include the seller, " + sellerId);
        }
        refuseIf(recordedSoFar.isPositive(), CO_OWNERS_AFTER_RECEIPTS, "receipts and costs of " + recordedSoFar
                + " were recorded before the co-owners were set; set them before the first receipt or cost",
                recordedSoFar);
        refuseIf(sharesSoFar > 0, CO_OWNERS_AFTER_EQUITY, sharesSoFar + " shares were received before the "
                + "co-owners were set; set them before the first receipt of shares", sharesSoFar);
    }

    /**
     * The seller's book starts as a copy of the contract's (its decisions and payments so far: nothing was received
     * yet), so that it stays the same as the contract's; the others start empty.
     */
    public void set(List<CoOwnerTerms> terms, String sellerId, RewardBook sellerBook, WageTaxFacts taxFacts) {
        owners.clear();
        owners.addAll(terms);
        equityValues.clear();
        books = terms.stream().map(t -> t.institutionId().equals(sellerId)
                ? RewardBook.restore(sellerBook.snapshot())
                : new RewardBook(t.terms(), sellerBook.contributors(), taxFacts)).toArray(RewardBook[]::new);
    }

    public void recordIncome(String incomeId, Money amount, LocalDate receivedOn) {
        List<Money> parts = split(amount);
        for (int i = 0; i < books.length; i++) {
            books[i].recordIncome(incomeId, parts.get(i), receivedOn);
        }
    }

    public void recordCost(String costId, Money amount) {
        List<Money> parts = split(amount);
        for (int i = 0; i < books.length; i++) {
            books[i].recordCost(costId, parts.get(i));
        }
    }

    /** Splits the shares and their valuation by the same rule, each exact to its unit (a share, a fen). */
    public void receiveEquity(String equityId, long shares, Money valuation) {
        if (owners.isEmpty()) {
            return;
        }
        long[] parts = CoOwnerSplit.split(shares, coOwners());
        for (int i = 0; i < books.length; i++) {
            books[i].receiveEquity(equityId, parts[i]);
        }
        equityValues.put(equityId, split(valuation));
    }

    /** The contributors are the achievement's: every owner's book follows a change of them. */
    public void changeContributors(List<Contributor> next) {
        for (RewardBook book : books) {
            book.changeContributors(next);
        }
    }

    /** A change of contributors keeps every owner's decisions and payments standing, as the contract's own. */
    public void checkContributorChange(List<Contributor> next) {
        for (RewardBook book : books) {
            book.checkContributorChange(next);
        }
    }

    public void reverse(String entryId) {
        for (RewardBook book : books) {
            if (book.typeOf(entryId).isPresent()) {
                book.reverse(entryId);
            }
        }
        equityValues.remove(entryId);
    }

    private List<Money> split(Money amount) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return CoOwnerSplit.split(amount, coOwners());
    }

    private List<CoOwner> coOwners() {
        return owners.stream().map(o -> new CoOwner(o.institutionId(), o.share())).toList();
    }

    /** Each co-owner's figures, in the order the owners were set. */
    public List<CoOwnerFigures> figures(LocalDate today) {
        List<CoOwnerFigures> figures = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            CoOwnerTerms o = owners.get(i);
            RewardFigures f = books[i].figures(today);
            Money value = Money.ZERO;
            for (List<Money> parts : equityValues.values()) {
                value = value.plus(parts.get(i));
            }
            figures.add(new CoOwnerFigures(o.institutionId(), o.share(), o.terms().policyId(), o.terms().cashRate(),
                    f.income(), f.deductibleCosts(), f.netIncome(), f.requiredReward(), f.dueBy(), f.rewardDecided(),
                    f.rewardPaid(), f.outstanding(), f.rewardStatus(), f.sharesReceived(), value, f.requiredShares(),
                    f.sharesAllocated(), f.equityStatus()));
        }
        return figures;
    }

    // ---- snapshots ----

    public record Snapshot(List<CoOwnerTerms> owners, List<RewardBook.Snapshot> books,
                           Map<String, List<Money>> equityValues) {
    }

    public Snapshot snapshot() {
        return new Snapshot(List.copyOf(owners), Arrays.stream(books).map(RewardBook::snapshot).toList(),
                Map.copyOf(equityValues));
    }

    public static CoOwnerBooks restore(Snapshot snapshot) {
        CoOwnerBooks restored = new CoOwnerBooks();
        restored.owners.addAll(snapshot.owners());
        restored.books = snapshot.books().stream().map(RewardBook::restore).toArray(RewardBook[]::new);
        restored.equityValues.putAll(snapshot.equityValues());
        return restored;
    }
}
