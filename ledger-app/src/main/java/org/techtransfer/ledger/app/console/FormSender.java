package org.techtransfer.ledger.app.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.techtransfer.ledger.app.command.CommandIdConflict;
import org.techtransfer.ledger.app.command.LedgerCommands;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.app.web.ProblemHandler;
import org.techtransfer.ledger.app.web.Refusals;
import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.RuleViolation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sends what a form describes through the one door for commands, as the signed-in person, and turns a
 * refusal into what the page shows: a problem beside the field it concerns, or the rule's message.
 */
@Component
public class FormSender {

    private static final Logger log = LoggerFactory.getLogger(FormSender.class);

    /** What became of a submitted form; {@code outcome} is null when it was refused. */
    public record Result(LedgerCommands.Outcome outcome, String message, Map<String, String> fieldErrors) {

        public boolean recorded() {
            return outcome != null;
        }
    }

    private final CommandBodies bodies;
    private final LedgerCommands commands;
    private final Refusals refusals;

    FormSender(CommandBodies bodies, LedgerCommands commands, Refusals refusals) {
        this.bodies = bodies;
        this.commands = commands;
        this.refusals = refusals;
    }

    /**
     * @param pathId   the contract the form is on, or null for a registration
     * @param mayRecord checks the command's scope before it is sent (a recorder's institution)
     */
    public Result send(Form form, Map<String, String> submitted, String pathId, LedgerUser user, Locale locale,
                       Consumer<LedgerCommand> mayRecord) {
        return send(form, submitted, "contractId", pathId, user, locale, mayRecord);
    }

    /** A form on another aggregate than a contract: {@code pathField} is the command's field for its id. */
    public Result send(Form form, Map<String, String> submitted, String pathField, String pathId, LedgerUser user,
                       Locale locale, Consumer<LedgerCommand> mayRecord) {
        return send(form, submitted, pathField, pathId, Map.of(), user, locale, mayRecord);
    }

    /**
     * @param fixed fields the page sets rather than the person: a co-owner's {@code institutionId}, from the path of
     *              the co-owner's page
     */
    public Result send(Form form, Map<String, String> submitted, String pathField, String pathId,
                       Map<String, String> fixed, LedgerUser user, Locale locale, Consumer<LedgerCommand> mayRecord) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        try {
            ObjectNode body = form.body(submitted);
            fixed.forEach(body::put);
            LedgerCommand command = bodies.read(body, form.command(), pathField, pathId);
            mayRecord.accept(command);
            return new Result(commands.send(command, user.getUsername(), "console-" + UUID.randomUUID()), null, fieldErrors);
        } catch (InvalidField invalid) {
            fieldErrors.put(invalid.field(), refusals.problem(invalid, locale));
            return refused(refusals.message("common.fixFields", locale), fieldErrors);
        } catch (CommandBodies.UnreadableBody unreadable) {
            ProblemDetail problem = ProblemHandler.unreadable(unreadable);
            Object field = problem.getProperties() == null ? null : problem.getProperties().get("field");
            if (field == null) {
                return refused(problem.getDetail(), fieldErrors);
            }
            String detail = problem.getDetail();
            String english = detail.startsWith(field + ": ") ? detail.substring(field.toString().length() + 2) : detail;
            fieldErrors.put(field.toString(), refusals.problem(english, locale));
            return refused(refusals.message("common.fixFields", locale), fieldErrors);
        } catch (RuleViolation rule) {
            return refused(refusals.rule(rule, locale), fieldErrors);
        } catch (CommandIdConflict conflict) {
            fieldErrors.put(form.idField(), refusals.message("problem.idConflict", locale));
            return refused(refusals.message("common.fixFields", locale), fieldErrors);
        } catch (EntryIdInUse | AggregateStreamCreationException taken) {
            fieldErrors.put(form.idField(), refusals.message("problem.idTaken", locale));
            return refused(refusals.message("common.fixFields", locale), fieldErrors);
        } catch (AccessDeniedException denied) {
            return refused(refusals.message("problem.forbidden", locale), fieldErrors);
        } catch (DataAccessException | TransactionException unavailable) {
            log.warn("console: {} not recorded, the database is unavailable: {}", form.name(), unavailable.getMessage());
            return refused(refusals.message("problem.unavailable", locale), fieldErrors);
        }
    }

    private static Result refused(String message, Map<String, String> fieldErrors) {
        return new Result(null, message, fieldErrors);
    }
}
