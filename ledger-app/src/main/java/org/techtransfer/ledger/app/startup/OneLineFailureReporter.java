package org.techtransfer.ledger.app.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a start-up failure that an analyzer understood as one line at ERROR: what is wrong, then what to set.
 * Spring Boot's own reporter (a framed block, the stack trace at DEBUG) is turned off in application.yml.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger(OneLineFailureReporter.class);

    @Override
    public void report(FailureAnalysis analysis) {
        String action = analysis.getAction() == null ? "" : analysis.getAction();
        log.error("the ledger cannot start: {}{}", oneLine(analysis.getDescription()), action.isBlank() ? "" : ": " + oneLine(action));
        log.debug("the failure in full", analysis.getCause());
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("\\.$", "");
    }
}
