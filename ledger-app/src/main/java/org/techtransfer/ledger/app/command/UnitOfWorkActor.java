package org.techtransfer.ledger.app.command;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.command.CommandActor;

import java.util.Objects;

/**
 * The actor of the command being handled, as {@link LedgerCommands} stamped it on the message: the aggregate
 * asks when a rule depends on the person (issue 23's approvals).
 */
@Component
class UnitOfWorkActor implements CommandActor {

    @Override
    public String name() {
        return CurrentUnitOfWork.map(u -> Objects.toString(u.getMessage().getMetaData().get(AuditMetaData.ACTOR), null))
                .orElse(AuditMetaData.SYSTEM_ACTOR);
    }
}
