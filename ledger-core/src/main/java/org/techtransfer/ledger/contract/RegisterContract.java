package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.deal.Pricing;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.IpKind;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;

/**
 * Registers a technology contract.
 *
 * @param totalAmount      the contract total (成交额)
 * @param technologyAmount the technology transaction amount (技术交易额), never above the total
 * @param licenseScope     optional, for licences
 * @param achievements     optional: the achievements the contract concerns (patents, trade secrets)
 * @param ipKind           optional: the kind of intellectual property licensed or assigned; absent means unknown
 * @param pricing          optional: how the price was fixed (Law Art. 18); absent, the registration is as before
 * @param dealNoticeId     the seller's notice of the proposed price; required for a price agreed by a
 *                         government-established seller
 */
public record RegisterContract(String contractId, String registrationNumber, ContractKind kind,
                               String sellerInstitutionId, Buyer buyer, String technologyField,
                               Money totalAmount, Money technologyAmount, LocalDate signedOn,
                               List<Contributor> contributors, LicenseScope licenseScope, List<String> achievements,
                               IpKind ipKind, Pricing pricing, String dealNoticeId) implements LedgerCommand {

    public RegisterContract {
        Require.id(contractId, "contractId");
        Require.id(registrationNumber, "registrationNumber");
        Require.present(kind, "kind");
        Require.id(sellerInstitutionId, "sellerInstitutionId");
        Require.present(buyer, "buyer");
        Require.text(technologyField, "technologyField");
        Require.positive(totalAmount, "totalAmount");
        Require.positive(technologyAmount, "technologyAmount");
        Require.present(signedOn, "signedOn");
        contributors = Require.distinct(contributors, Contributor::personId, "contributors");
        achievements = achievements == null ? List.of() : List.copyOf(achievements);
        for (int i = 0; i < achievements.size(); i++) {
            Require.text(achievements.get(i), "achievements[" + i + "]");
        }
        dealNoticeId = dealNoticeId == null || dealNoticeId.isBlank() ? null : Require.id(dealNoticeId, "dealNoticeId");
    }

    /** A registration that says nothing of how the price was fixed. */
    public RegisterContract(String contractId, String registrationNumber, ContractKind kind,
                            String sellerInstitutionId, Buyer buyer, String technologyField,
                            Money totalAmount, Money technologyAmount, LocalDate signedOn,
                            List<Contributor> contributors, LicenseScope licenseScope, List<String> achievements,
                            IpKind ipKind) {
        this(contractId, registrationNumber, kind, sellerInstitutionId, buyer, technologyField, totalAmount,
                technologyAmount, signedOn, contributors, licenseScope, achievements, ipKind, null, null);
    }

    @Override
    public String aggregateId() {
        return contractId;
    }

    @Override
    public String ownId() {
        return contractId;
    }
}
