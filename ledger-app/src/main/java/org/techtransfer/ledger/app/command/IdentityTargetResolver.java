package org.techtransfer.ledger.app.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes a command to the aggregate its {@link CommandIdentity} names: the same id that chooses its lane
 * and keys its command-log entry, so the three cannot disagree. Axon's annotation resolver searched the
 * command's class by reflection for every command, copying its methods and annotations each time (a
 * tenth of what the command path allocated).
 */
final class IdentityTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(CommandIdentity.of(command.getPayload()).aggregateId(), null);
    }
}
