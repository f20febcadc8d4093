package org.techtransfer.ledger.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.techtransfer.ledger.app.command.AnswerLost;
import org.techtransfer.ledger.app.command.CommandIdConflict;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.rule.EntryIdInUse;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.RuleViolation;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457): 400 naming the field, 404, 409, and
 * 422 with the rule {@code code}. Client input never reaches the 500 at the bottom.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Refusals refusals;

    ProblemHandler(Refusals refusals) {
        this.refusals = refusals;
    }

    /** The detail follows Accept-Language (English unless Chinese is asked for); the code never changes. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-violation", refusals.rule(e, locale));
        problem.setProperty("code", e.rule().name());
        return respond(problem);
    }

    @ExceptionHandler(CommandBodies.UnreadableBody.class)
    ResponseEntity<ProblemDetail> unreadableBody(CommandBodies.UnreadableBody e) {
        return respond(unreadable(e));
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalid(InvalidField e) {
        return respond(invalidField(e.field(), e.getMessage()));
    }

    @ExceptionHandler({UnknownInstitution.class, NotFound.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler({CommandIdConflict.class, EntryIdInUse.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> idConflict(RuntimeException e) {
        String detail = e instanceof AggregateStreamCreationException
                ? "the id is already taken by another contract or institution"
                : e.getMessage();
        return respond(problem(HttpStatus.CONFLICT, "id-conflict", detail));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return respond(problem(HttpStatus.CONFLICT, "concurrent-modification",
                "the contract kept changing while this command was retried; send it again"));
    }

    @ExceptionHandler(ReadModelBehind.class)
    ResponseEntity<ProblemDetail> behind(ReadModelBehind e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind", e.getMessage()));
    }

    @ExceptionHandler(AnswerLost.class)
    ResponseEntity<ProblemDetail> answerLost(AnswerLost e) {
        log.warn("{}", e.getMessage());
        return outcomeUnknown("the command was recorded, but the database went away before the answer was complete: "
                + "send it again with the same id to get the answer");
    }

    /** The database is away or every connection is busy: nothing was recorded, try again. */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, TransientDataAccessResourceException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        log.warn("database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the database is unavailable; nothing was recorded, try again"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(invalidField(e.getName(), e.getName() + ": not a valid value"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ArithmeticException) {
                // sums of money and shares are exact 64-bit counts; the command would overflow one (Axon wraps it)
                return respond(problem(HttpStatus.BAD_REQUEST, "out-of-range", "the amounts or share counts of this "
                        + "contract would exceed what the ledger can hold; nothing was recorded"));
            }
        }
        if (connectionLost(e)) {
            // the connection broke while the transaction was running or ending: it may have committed
            log.warn("database connection lost during a request: {}", e.getMessage());
            return outcomeUnknown("the connection to the database was lost; the command may have been recorded: "
                    + "send it again with the same id, which is safe");
        }
        log.error("unexpected failure", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the ledger failed; nothing was recorded"));
    }

    private static ResponseEntity<ProblemDetail> outcomeUnknown(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", detail));
    }

    /**
     * An SQL state of class 08 (connection exception) or 57P (the server shutting down) anywhere in the
     * causes, or HikariCP's "Connection is closed" (no SQL state) for a connection it has found broken.
     */
    private static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null ? "Connection is closed".equals(sql.getMessage())
                        : state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(e));
    }

    /** Names the field when Jackson knows where it was; an {@link InvalidField} inside a record names its own. */
    public static ProblemDetail unreadable(Throwable e) {
        String path = null;
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodySizeLimit.BodyTooLarge) {
                return problem(HttpStatus.BAD_REQUEST, "invalid-request", "the request body is over 1 MiB");
            }
            if (t instanceof WellFormedUtf8.Malformed) {
                return problem(HttpStatus.BAD_REQUEST, "invalid-request", "the body is not well-formed UTF-8");
            }
            if (t instanceof StreamConstraintsException) {
                return problem(HttpStatus.BAD_REQUEST, "invalid-request", "the JSON is too deep or too long");
            }
            if (t instanceof JsonParseException) {
                return problem(HttpStatus.BAD_REQUEST, "invalid-request", "the body is not well-formed JSON");
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                String field = fieldPath(unknown);
                return invalidField(field, field + ": not a field of this command");
            }
            if (t instanceof JsonMappingException mapping && path == null && !mapping.getPath().isEmpty()) {
                path = fieldPath(mapping);
            }
            if (t instanceof InvalidField invalid) {
                String field = path == null ? invalid.field() : path + "." + invalid.field();
                return invalidField(field, field + ": " + invalid.getMessage().substring(invalid.field().length() + 2));
            }
            if (t instanceof IllegalArgumentException && !(t instanceof InvalidField) && reason == null) {
                reason = t.getMessage(); // e.g. Money: "amount has more than two decimals"
            }
        }
        if (path != null) {
            return invalidField(path, path + ": " + (reason != null ? reason : "missing, of the wrong type, or not a valid value"));
        }
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "the body is missing or not a JSON object");
    }

    private static String fieldPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ProblemDetail invalidField(String field, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", detail);
        problem.setProperty("field", field);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ledger:problem:" + type));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
