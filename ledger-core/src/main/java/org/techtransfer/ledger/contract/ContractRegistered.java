package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.IpKind;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.reward.WageTaxFacts;

import java.time.LocalDate;
import java.util.List;

/**
 * A contract was registered. It records the seller's type and region as they were, and the reward
 * terms resolved from the seller's policy on the signing date, so replays never consult anything else.
 *
 * @param ipKind          what is licensed or assigned; null when unknown (and in events recorded before the field)
 * @param sellerNonProfit whether the seller was non-profit; null in events recorded before the field, which read
 *                        as non-profit for a university or research institute (their default when government-established)
 */
public record ContractRegistered(String contractId, String registrationNumber, ContractKind kind,
                                 String sellerInstitutionId, OrganisationType sellerType, String sellerRegionCode,
                                 Buyer buyer, String technologyField, Money totalAmount, Money technologyAmount,
                                 LocalDate signedOn, List<Contributor> contributors, LicenseScope licenseScope,
                                 List<String> achievements, RewardTerms terms, IpKind ipKind,
                                 Boolean sellerNonProfit) {

    /** What the registration says about the reduced wage tax on the contract's cash rewards. */
    public WageTaxFacts wageTaxFacts() {
        boolean universityOrInstitute = sellerType == OrganisationType.UNIVERSITY
                || sellerType == OrganisationType.RESEARCH_INSTITUTE;
        return new WageTaxFacts(universityOrInstitute, sellerNonProfit != null ? sellerNonProfit : universityOrInstitute,
                kind == ContractKind.LICENSE || kind == ContractKind.ASSIGNMENT, ipKind);
    }
}
