package org.techtransfer.ledger.approval;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * Sets how an institution's reward decisions are approved from {@code effectiveFrom} on: each step, in the
 * order listed, is needed by a decision of at least its {@code from}.
 */
public record SetApprovalPolicy(String institutionId, String policyId, LocalDate effectiveFrom,
                                List<ApprovalStep> steps) implements LedgerCommand {

    public SetApprovalPolicy {
        Require.id(institutionId, "institutionId");
        Require.id(policyId, "policyId");
        Require.present(effectiveFrom, "effectiveFrom");
        if (steps == null || steps.isEmpty()) {
            throw new InvalidField("steps", "must name at least one step");
        }
        steps = List.copyOf(steps);
        var levels = new HashSet<ApprovalLevel>();
        for (int i = 0; i < steps.size(); i++) {
            Require.present(steps.get(i), "steps[" + i + "]");
            if (!levels.add(steps.get(i).level())) {
                throw new InvalidField("steps[" + i + "].level", "names a level already listed");
            }
        }
    }

    @Override
    public String aggregateId() {
        return institutionId;
    }

    @Override
    public String ownId() {
        return policyId;
    }
}
