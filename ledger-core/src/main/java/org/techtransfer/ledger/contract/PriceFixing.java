package org.techtransfer.ledger.contract;

import org.techtransfer.ledger.deal.DealNotice;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;

import java.util.Optional;

import static org.techtransfer.ledger.rule.Rule.DEAL_PUBLICITY_REQUIRED;
import static org.techtransfer.ledger.rule.Rule.UNKNOWN_ENTRY;
import static org.techtransfer.ledger.rule.RuleViolation.refuseIf;

/**
 * Law Art. 18 at registration: a government-established seller that agrees the price publicises the achievement
 * and the proposed price inside the institution first, so the registration names a notice of the seller's that
 * ended on or before the signing date.
 */
final class PriceFixing {

    private PriceFixing() {
    }

    /** What the registration records of its price; empty when it says nothing of it. */
    static Optional<ContractPriced> check(RegisterContract command, InstitutionRegistered seller,
                                          Institutions institutions) {
        if (command.pricing() == null && command.dealNoticeId() == null) {
            return Optional.empty();
        }
        DealNotice notice = command.dealNoticeId() == null ? null
                : institutions.dealNotice(seller.institutionId(), command.dealNoticeId()).orElse(null);
        if (seller.governmentEstablished() && command.pricing() != null && command.pricing().needsPublicity()) {
            refuseIf(notice == null || !notice.endedBy(command.signedOn()), DEAL_PUBLICITY_REQUIRED,
                    seller.institutionId() + " is government-established and agreed the price: it must first "
                            + "publicise the achievement and the proposed price (Law Art. 18); "
                            + (notice == null ? "name a deal notice of the institution (dealNoticeId)"
                            : "notice '" + notice.noticeId() + "' ends on " + notice.to() + ", after the signing on "
                            + command.signedOn()), seller.institutionId(), command.signedOn());
        }
        refuseIf(command.dealNoticeId() != null && notice == null, UNKNOWN_ENTRY,
                "no deal notice '" + command.dealNoticeId() + "' of " + seller.institutionId(), command.dealNoticeId());
        return Optional.of(new ContractPriced(command.contractId(), command.pricing(), notice));
    }
}
