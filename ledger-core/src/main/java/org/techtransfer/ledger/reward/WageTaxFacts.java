package org.techtransfer.ledger.reward;

/**
 * What a contract's registration says about the reduced wage tax on its cash rewards (Caishui [2018] No. 58).
 *
 * @param sellerUniversityOrInstitute the seller is a university or a research institute
 * @param sellerNonProfit             the seller is marked non-profit
 * @param licenseOrAssignment         the contract is a licence or an assignment
 * @param ipKind                      what it licenses or assigns, or null when unknown
 */
public record WageTaxFacts(boolean sellerUniversityOrInstitute, boolean sellerNonProfit, boolean licenseOrAssignment,
                           IpKind ipKind) {
}
