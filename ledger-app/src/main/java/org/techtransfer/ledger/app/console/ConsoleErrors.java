package org.techtransfer.ledger.app.console;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.institution.UnknownInstitution;
import org.techtransfer.ledger.rule.InvalidField;

/** A page that cannot be shown answers with a page that says why, in the reader's language. */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden", null);
    }

    @ExceptionHandler({NotFound.class, UnknownInstitution.class})
    ModelAndView notFound(RuntimeException e, HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_NOT_FOUND, "error.notFound", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_BAD_REQUEST, "error.badRequest", e.getName());
    }

    /** A form's field the ledger cannot take: named, as the API names it. */
    @ExceptionHandler(InvalidField.class)
    ModelAndView invalid(InvalidField e, HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_BAD_REQUEST, "error.badRequest", e.field());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletResponse response) {
        log.error("console page failed", e);
        return page(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "error.failed", null);
    }

    private static ModelAndView page(HttpServletResponse response, int status, String message, String detail) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("problem");
        page.addObject("status", status);
        page.addObject("message", message);
        page.addObject("detail", detail);
        return page;
    }
}
