package org.techtransfer.ledger.coownership;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardFigures;
import org.techtransfer.ledger.reward.WageTaxFacts;
import org.techtransfer.ledger.rule.InvalidField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.techtransfer.ledger.rule.Rule.CO_OWNERS_AFTER_RECEIPTS;
import static org.techtransfer.ledger.rule.Rule.CO_OWNER_SHARES_NOT_WHOLE;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * The co-owners of a contract's achievements and, for each, a {@link RewardBook} of its own: its split of every
 * receipt and cost, under the terms of its own policy, so its reward obligation is computed on its own share by
 * the one place of reward arithmetic. Reversals take back each co-owner's part. The seller's own share is also what
 * the contract's book holds (see {@link #sellerPart}): the seller's obligation is counted once, on its share.
 */
public final class CoOwnerBooks {

    private final List<CoOwnerTerms> owners = new ArrayList<>();
    /** Each owner's book, in the order of {@code owners} (an array: a map would compare the books by identity). */
    private RewardBook[] books = new RewardBook[0];

    /** One co-owner's figures. */
    public record CoOwnerFigures(String institutionId, BigDecimal share, String policyId, BigDecimal rate,
                                 Money income, Money deductibleCosts, Money netIncome, Money requiredReward,
                                 LocalDate dueBy) {
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
        for (int i = 0; i < owners.size(); i++) {
            if (owners.get(i).institutionId().equals(sellerId)) {
                return split(amount).get(i);
            }
        }
        throw new IllegalStateException("the seller " + sellerId + " is not among the co-owners");
    }

    /**
     * The shares add up to 1 exactly, the seller is one of the owners, and no receipt or cost has been recorded yet
     * without them (they are split as they come; they cannot be split again).
     */
    public static void check(SetCoOwners command, String sellerId, Money recordedSoFar) {
        BigDecimal sum = command.owners().stream().map(CoOwner::share).reduce(BigDecimal.ZERO, BigDecimal::add);
        refuseIf(sum.compareTo(BigDecimal.ONE) != 0, CO_OWNER_SHARES_NOT_WHOLE, "the co-owners' shares add up to "
                + sum.toPlainString() + ", not 1", sum);
        if (command.owners().stream().noneMatch(o -> o.institutionId().equals(sellerId))) {
            throw new InvalidField("owners", "must include the seller, " + sellerId);
        }
        refuseIf(recordedSoFar.isPositive(), CO_OWNERS_AFTER_RECEIPTS, "receipts and costs of " + recordedSoFar
                + " were recorded before the co-owners were set; set them before the first receipt or cost",
                recordedSoFar);
    }

    public void set(List<CoOwnerTerms> terms, List<Contributor> contributors, WageTaxFacts taxFacts) {
        owners.clear();
        owners.addAll(terms);
        books = terms.stream().map(t -> new RewardBook(t.terms(), contributors, taxFacts)).toArray(RewardBook[]::new);
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

    public void reverse(String entryId) {
        for (RewardBook book : books) {
            if (book.typeOf(entryId).isPresent()) {
                book.reverse(entryId);
            }
        }
    }

    private List<Money> split(Money amount) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return CoOwnerSplit.split(amount, owners.stream().map(o -> new CoOwner(o.institutionId(), o.share())).toList());
    }

    /** Each co-owner's figures, in the order the owners were set. */
    public List<CoOwnerFigures> figures(LocalDate today) {
        List<CoOwnerFigures> figures = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            CoOwnerTerms o = owners.get(i);
            RewardFigures f = books[i].figures(today);
            figures.add(new CoOwnerFigures(o.institutionId(), o.share(), o.terms().policyId(), o.terms().cashRate(),
                    f.income(), f.deductibleCosts(), f.netIncome(), f.requiredReward(), f.dueBy()));
        }
        return figures;
    }

    // ---- snapshots ----

    public record Snapshot(List<CoOwnerTerms> owners, List<RewardBook.Snapshot> books) {
    }

    public Snapshot snapshot() {
        return new Snapshot(List.copyOf(owners), Arrays.stream(books).map(RewardBook::snapshot).toList());
    }

    public static CoOwnerBooks restore(Snapshot snapshot) {
        CoOwnerBooks restored = new CoOwnerBooks();
        restored.owners.addAll(snapshot.owners());
        restored.books = snapshot.books().stream().map(RewardBook::restore).toArray(RewardBook[]::new);
        return restored;
    }
}
