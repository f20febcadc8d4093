package org.techtransfer.ledger.report;

import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.contract.CostRecorded;
import org.techtransfer.ledger.contract.EntryReversed;
import org.techtransfer.ledger.contract.EquityReceived;
import org.techtransfer.ledger.contract.IncomeRecorded;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.CashRewardDecided;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.EquityRewardDecided;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardDecisionWithdrawn;
import org.techtransfer.ledger.reward.RewardPaid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annual report of an institution on the transformation of its achievements (Law on Promoting the
 * Transformation of S&T Achievements, Art. 21): the contracts signed in the year by mode, the income received,
 * the costs and the net income of the year, the rewards decided and paid in the year in cash and in shares, the
 * people rewarded (those in leadership posts and principal heads by name) and what the institution keeps.
 * <p>
 * Each contract's figures of the year are its own {@link RewardBook}'s, fed only the entries whose business date
 * falls in the year (and the corrections of those entries): the arithmetic stays the book's, so the report agrees
 * with the obligations and the payouts to the fen.
 */
public final class AnnualTransformation {

    private final String institutionId;
    private final int year;
    private final Map<ContractKind, ContractsByMode> modes = new EnumMap<>(ContractKind.class);
    private final Map<String, RewardedPerson> people = new LinkedHashMap<>();
    private Money income = Money.ZERO;
    private Money deductibleCosts = Money.ZERO;
    private Money netIncome = Money.ZERO;
    private Money rewardDecided = Money.ZERO;
    private Money rewardPaid = Money.ZERO;
    private long sharesReceived;
    private long sharesRewarded;

    /** The contracts of one mode signed in the year, at the amounts in force. */
    public record ContractsByMode(ContractKind kind, long contracts, Money totalAmount, Money technologyAmount) {
    }

    /** A person rewarded in the year, over every contract of the institution. */
    public record RewardedPerson(String personId, String name, boolean leadership, boolean principalHead,
                         Money rewardDecided, Money rewardPaid, long sharesRewarded) {
    }

    /**
     * The report. {@code leaders} lists the people rewarded in the year who hold a leadership post, principal heads
     * among them; {@code institutionKeeps} is the net income of the year less the cash rewards decided in it (negative
     * when the year rewarded earlier years' income).
     */
    public record AnnualReport(String institutionId, int year, long achievementsObtained,
                               List<ContractsByMode> contracts, Money income, Money deductibleCosts, Money netIncome,
                               Money rewardDecided, Money rewardPaid, long sharesReceived, long sharesRewarded,
                               int personsRewarded, int leadersRewarded, int principalHeadsRewarded,
                               List<RewardedPerson> leaders, Money leadersRewardDecided,
                               Money principalHeadsRewardDecided, Money institutionKeeps, long sharesKept) {
    }

    public AnnualTransformation(String institutionId, int year) {
        this.institutionId = institutionId;
        this.year = year;
        for (ContractKind kind : ContractKind.values()) {
            modes.put(kind, new ContractsByMode(kind, 0, Money.ZERO, Money.ZERO));
        }
    }

    /** Adds one contract: its events, oldest first, from its registration. */
    public void add(List<?> events) {
        ContractState whole = ContractState.replay(events);
        ContractRegistered registration = whole.registration();
        if (registration.signedOn().getYear() == year) {
            ContractsByMode m = modes.get(registration.kind());
            modes.put(m.kind(), new ContractsByMode(m.kind(), m.contracts() + 1, m.totalAmount().plus(whole.totalAmount()),
                    m.technologyAmount().plus(whole.technologyAmount())));
        }
        RewardBook book = ContractState.replay(ofTheYear(events)).book();
        income = income.plus(book.income());
        deductibleCosts = deductibleCosts.plus(book.figures(registration.signedOn()).deductibleCosts());
        netIncome = netIncome.plus(book.netIncome());
        rewardDecided = rewardDecided.plus(book.rewardDecided());
        rewardPaid = rewardPaid.plus(book.rewardPaid());
        sharesReceived += book.sharesReceived();
        sharesRewarded += book.sharesAllocated();
        for (Contributor c : whole.contributors()) {
            Money decided = book.allocatedTo(c.personId());
            Money paid = book.paidTo(c.personId());
            long shares = book.sharesAllocatedTo(c.personId());
            if (decided.isZero() && paid.isZero() && shares == 0) {
                continue;
            }
            RewardedPerson before = people.get(c.personId());
            people.put(c.personId(), before == null
                    ? new RewardedPerson(c.personId(), c.name(), c.leadership(), c.principalHead(), decided, paid, shares)
                    : new RewardedPerson(c.personId(), before.name(), before.leadership() || c.leadership(),
                    before.principalHead() || c.principalHead(), before.rewardDecided().plus(decided),
                    before.rewardPaid().plus(paid), before.sharesRewarded() + shares));
        }
    }

    /**
     * The registration, the entries dated in the year, the corrections of those entries, and every event that
     * dates nothing (contributors, amendments, publicity, approvals): what the contract's book of the year folds.
     */
    private List<Object> ofTheYear(List<?> events) {
        List<Object> kept = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object event : events) {
            Dated dated = dated(event);
            if (dated != null) {
                if (dated.day().getYear() == year) {
                    ids.add(dated.id());
                    kept.add(event);
                }
            } else if (event instanceof EntryReversed e) {
                if (ids.contains(e.entryId())) {
                    kept.add(event);
                }
            } else if (event instanceof RewardDecisionWithdrawn e) {
                if (ids.contains(e.decisionId())) {
                    kept.add(event);
                }
            } else {
                kept.add(event);
            }
        }
        return kept;
    }

    /** An entry's id and business date. */
    private record Dated(String id, LocalDate day) {
    }

    /** The id and business date of an entry that has one; null for the other events. */
    private static Dated dated(Object event) {
        if (event instanceof IncomeRecorded e) {
            return new Dated(e.incomeId(), e.receivedOn());
        } else if (event instanceof CostRecorded e) {
            return new Dated(e.costId(), e.incurredOn());
        } else if (event instanceof EquityReceived e) {
            return new Dated(e.equityId(), e.receivedOn());
        } else if (event instanceof CashRewardDecided e) {
            return new Dated(e.decisionId(), e.decidedOn());
        } else if (event instanceof EquityRewardDecided e) {
            return new Dated(e.decisionId(), e.decidedOn());
        } else if (event instanceof RewardPaid e) {
            return new Dated(e.paymentId(), e.paidOn());
        }
        return null;
    }

    /** @param achievementsObtained the achievements the institution obtained in the year, from the reserve library */
    public AnnualReport report(long achievementsObtained) {
        List<RewardedPerson> leaders = people.values().stream().filter(RewardedPerson::leadership).toList();
        Money leadersDecided = leaders.stream().map(RewardedPerson::rewardDecided).reduce(Money.ZERO, Money::plus);
        Money headsDecided = leaders.stream().filter(RewardedPerson::principalHead).map(RewardedPerson::rewardDecided)
                .reduce(Money.ZERO, Money::plus);
        return new AnnualReport(institutionId, year, achievementsObtained, List.copyOf(modes.values()), income, deductibleCosts, netIncome, rewardDecided,
                rewardPaid, sharesReceived, sharesRewarded, people.size(), leaders.size(),
                (int) leaders.stream().filter(RewardedPerson::principalHead).count(), leaders, leadersDecided, headsDecided,
                netIncome.minus(rewardDecided), sharesReceived - sharesRewarded);
    }
}
