package org.techtransfer.ledger.app.command;

import org.techtransfer.ledger.contract.AmendContract;
import org.techtransfer.ledger.contract.RecordCost;
import org.techtransfer.ledger.contract.RecordIncome;
import org.techtransfer.ledger.contract.ReceiveEquity;
import org.techtransfer.ledger.contract.RegisterContract;
import org.techtransfer.ledger.contract.ReverseEntry;
import org.techtransfer.ledger.contract.TerminateContract;
import org.techtransfer.ledger.institution.RegisterInstitution;
import org.techtransfer.ledger.reward.DecideCashReward;
import org.techtransfer.ledger.reward.DecideEquityReward;
import org.techtransfer.ledger.reward.PayReward;
import org.techtransfer.ledger.reward.RecordPublicity;

/**
 * Who a command is: the aggregate it addresses and its own id (API.md: "every command carries its
 * own id"). A termination has no id of its own; a contract is terminated once, so the contract's id is it.
 *
 * @param ownId the id the client gave this command ({@code incomeId}, {@code decisionId}, ...)
 */
public record CommandIdentity(String type, String aggregateId, String ownId) {

    /** The key under which the command log remembers the command. */
    public String key() {
        return type + ":" + aggregateId + ":" + ownId;
    }

    public static CommandIdentity of(Object command) {
        String type = command.getClass().getSimpleName();
        if (command instanceof RegisterInstitution c) {
            return new CommandIdentity(type, c.institutionId(), c.institutionId());
        } else if (command instanceof RegisterContract c) {
            return new CommandIdentity(type, c.contractId(), c.contractId());
        } else if (command instanceof RecordIncome c) {
            return new CommandIdentity(type, c.contractId(), c.incomeId());
        } else if (command instanceof RecordCost c) {
            return new CommandIdentity(type, c.contractId(), c.costId());
        } else if (command instanceof ReceiveEquity c) {
            return new CommandIdentity(type, c.contractId(), c.equityId());
        } else if (command instanceof DecideCashReward c) {
            return new CommandIdentity(type, c.contractId(), c.decisionId());
        } else if (command instanceof DecideEquityReward c) {
            return new CommandIdentity(type, c.contractId(), c.decisionId());
        } else if (command instanceof RecordPublicity c) {
            return new CommandIdentity(type, c.contractId(), c.noticeId());
        } else if (command instanceof PayReward c) {
            return new CommandIdentity(type, c.contractId(), c.paymentId());
        } else if (command instanceof AmendContract c) {
            return new CommandIdentity(type, c.contractId(), c.amendmentId());
        } else if (command instanceof ReverseEntry c) {
            return new CommandIdentity(type, c.contractId(), c.reversalId());
        } else if (command instanceof TerminateContract c) {
            return new CommandIdentity(type, c.contractId(), c.contractId());
        }
        throw new IllegalArgumentException("not a ledger command: " + type);
    }
}
