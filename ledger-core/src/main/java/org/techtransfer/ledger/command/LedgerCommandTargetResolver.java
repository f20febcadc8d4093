package org.techtransfer.ledger.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes a command to the aggregate it names in {@link LedgerCommand#aggregateId()}: the service and the
 * aggregate tests route the same way, and no class is searched by reflection per command.
 */
public final class LedgerCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof LedgerCommand ledgerCommand)) {
            throw new IllegalArgumentException("not a ledger command: " + command.getPayloadType().getSimpleName());
        }
        return new VersionedAggregateIdentifier(ledgerCommand.aggregateId(), null);
    }
}
