package org.techtransfer.ledger.app.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.techtransfer.ledger.approval.DecisionApprovals;
import org.techtransfer.ledger.contract.Buyer;
import org.techtransfer.ledger.deal.DealNotice;
import org.techtransfer.ledger.deal.Pricing;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.contract.LicenseScope;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.IpKind;
import org.techtransfer.ledger.reward.RewardBook;
import org.techtransfer.ledger.reward.RewardFigures;
import org.techtransfer.ledger.reward.RewardStatus;
import org.techtransfer.ledger.reward.RewardTerms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /contracts/{id}}: the registered contract, its amounts in force and its reward figures; added by
 * issue 22, what it licenses or assigns and the cash payments that stand, each with its reduced wage tax; by
 * issue 23, how the price was fixed with the seller's notice of it, and the decisions routed for approval with
 * what they wait for (each absent from the answer when there is none, so that the answer is as before).
 */
public record ContractView(String contractId, String registrationNumber, ContractKind kind,
                           String sellerInstitutionId, Buyer buyer, String technologyField,
                           Money totalAmount, Money technologyAmount, LocalDate signedOn,
                           List<Contributor> contributors, LicenseScope licenseScope, List<String> achievements,
                           RewardTerms rewardTerms,
                           Money income, Money deductibleCosts, Money netIncome, Money requiredReward,
                           Money rewardDecided, Money rewardPaid, Money outstanding, RewardStatus rewardStatus,
                           LocalDate dueBy, long sharesReceived, long requiredShares, long sharesAllocated,
                           long sharesOutstanding, RewardStatus equityStatus, boolean terminated, LocalDate terminatedOn, long version, Instant asOf,
                           IpKind ipKind, List<RewardBook.Payment> payments,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Pricing pricing,
                           @JsonInclude(JsonInclude.Include.NON_NULL) DealNotice dealNotice,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean priceDiffersFromNotice,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Money rewardPending,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long sharesPending,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DecisionApprovals.Decision> approvals) {

    /**
     * The view on {@code today}; {@code asOf} is the instant asked for, or null for now. The contributors are
     * those in force, after any change of contributors.
     */
    public static ContractView of(ContractState state, LocalDate today, Instant asOf) {
        ContractRegistered r = state.registration();
        RewardFigures f = state.book().figures(today);
        boolean routed = !state.approvals().isEmpty();
        return new ContractView(r.contractId(), r.registrationNumber(), r.kind(), r.sellerInstitutionId(), r.buyer(),
                r.technologyField(), state.totalAmount(), state.technologyAmount(), r.signedOn(), state.contributors(),
                r.licenseScope(), r.achievements(), r.terms(),
                f.income(), f.deductibleCosts(), f.netIncome(), f.requiredReward(), f.rewardDecided(), f.rewardPaid(),
                f.outstanding(), f.rewardStatus(), f.dueBy(), f.sharesReceived(), f.requiredShares(),
                f.sharesAllocated(), f.sharesOutstanding(), f.equityStatus(), state.isTerminated(), state.terminatedOn(), state.version(), asOf,
                r.ipKind(), state.book().payments(),
                state.priced() == null ? null : state.priced().pricing(),
                state.priced() == null ? null : state.priced().dealNotice(),
                state.priced() == null || state.priced().dealNotice() == null ? null : state.priceDiffersFromNotice(),
                routed ? state.approvals().pendingCash() : null, routed ? state.approvals().pendingShares() : null,
                state.approvals().decisions());
    }
}
