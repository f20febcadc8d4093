package org.techtransfer.ledger.institution;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.techtransfer.ledger.reward.RewardPolicies;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A seller of technology. Registered once; its contracts take their reward terms from it. */
public class Institution {

    @AggregateIdentifier
    private String institutionId;

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

    @EventSourcingHandler
    void on(InstitutionRegistered event) {
        institutionId = event.institutionId();
    }
}
