package org.techtransfer.ledger.deal;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;

/** Records that an institution publicised an achievement and the price it proposes for it (Art. 18). */
public record RecordDealNotice(String institutionId, String noticeId, String achievement, Money proposedPrice,
                               LocalDate from, LocalDate to) implements LedgerCommand {

    public RecordDealNotice {
        Require.id(institutionId, "institutionId");
        Require.id(noticeId, "noticeId");
        Require.text(achievement, "achievement");
        Require.positive(proposedPrice, "proposedPrice");
        Require.present(from, "from");
        Require.present(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidField("to", "must not be before from");
        }
    }

    @Override
    public String aggregateId() {
        return institutionId;
    }

    @Override
    public String ownId() {
        return noticeId;
    }
}
