package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.RewardTerms;

import java.time.LocalDate;
import java.util.List;

/**
 * A contract was registered. It records the seller's type and region as they were, and the reward
 * terms resolved from the seller's policy on the signing date, so replays never consult anything else.
 */
public record ContractRegistered(String contractId, String registrationNumber, ContractKind kind,
                                 String sellerInstitutionId, OrganisationType sellerType, String sellerRegionCode,
                                 Buyer buyer, String technologyField, Money totalAmount, Money technologyAmount,
                                 LocalDate signedOn, List<Contributor> contributors, LicenseScope licenseScope,
                                 List<String> achievements, RewardTerms terms) {
}
