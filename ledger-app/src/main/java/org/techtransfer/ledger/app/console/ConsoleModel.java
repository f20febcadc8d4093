package org.techtransfer.ledger.app.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.techtransfer.ledger.app.security.LedgerUser;

/** What every page's layout needs: who is signed in (null on the sign-in page). */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleModel {

    @ModelAttribute("me")
    LedgerUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof LedgerUser user ? user : null;
    }
}
