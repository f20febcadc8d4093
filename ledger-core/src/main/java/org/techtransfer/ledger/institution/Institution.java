package org.techtransfer.ledger.institution;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.techtransfer.ledger.approval.ApprovalPolicySet;
import org.techtransfer.ledger.approval.SetApprovalPolicy;
import org.techtransfer.ledger.deal.DealNoticeRecorded;
import org.techtransfer.ledger.deal.RecordDealNotice;
import org.techtransfer.ledger.reward.RewardPolicies;
import org.techtransfer.ledger.rule.EntryIdInUse;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A seller of technology. Registered once; its contracts take their reward terms from it, and the deal notices
 * and approval policies it records.
 */
public class Institution {

    @AggregateIdentifier
    private String institutionId;
    /** The ids of its deal notices and approval policies. */
    private final Set<String> entryIds = new HashSet<>();
    /** The sequence number of its last event, which a command answers with. */
    private long version = -1;

    protected Institution() {
        // for Axon
    }

    @CommandHandler
    public Institution(RegisterInstitution command) {
        RewardPolicies.checkInstitutionRate(command.policy(), command.rewardRate());
        apply(new InstitutionRegistered(command.institutionId(), command.name(), command.type(),
                command.governmentEstablished(), command.regionCode(), command.policy(),
                command.rewardRate(), command.paymentDeadlineMonths(), command.nonProfit()));
    }

    @CommandHandler
    long handle(RecordDealNotice command) {
        requireUnusedId(command.noticeId());
        apply(new DealNoticeRecorded(institutionId, command.noticeId(), command.achievement(),
                command.proposedPrice(), command.from(), command.to()));
        return version;
    }

    @CommandHandler
    long handle(SetApprovalPolicy command) {
        requireUnusedId(command.policyId());
        apply(new ApprovalPolicySet(institutionId, command.policyId(), command.effectiveFrom(), command.steps()));
        return version;
    }

    @EventSourcingHandler
    void on(InstitutionRegistered event) {
        institutionId = event.institutionId();
        version++;
    }

    @EventSourcingHandler
    void on(DealNoticeRecorded event) {
        entryIds.add(event.noticeId());
        version++;
    }

    @EventSourcingHandler
    void on(ApprovalPolicySet event) {
        entryIds.add(event.policyId());
        version++;
    }

    private void requireUnusedId(String id) {
        if (entryIds.contains(id)) {
            throw new EntryIdInUse(id);
        }
    }
}
