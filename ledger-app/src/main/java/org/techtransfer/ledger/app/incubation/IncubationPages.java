package org.techtransfer.ledger.app.incubation;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.console.Form;
import org.techtransfer.ledger.app.console.FormSender;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.Refusals;
import org.techtransfer.ledger.incubation.RecordGraduation;
import org.techtransfer.ledger.incubation.RecordIncubation;
import org.techtransfer.ledger.projections.indicator.IndicatorFigures;
import org.techtransfer.ledger.projections.indicator.IndicatorFiguresProjection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.techtransfer.ledger.app.console.Form.Field.date;
import static org.techtransfer.ledger.app.console.Form.Field.text;

/** The console's incubated enterprises: the list, with the forms of an entry and of a graduation. */
@ConsolePage
class IncubationPages {

    static final int PAGE_SIZE = 50;

    static final Form RECORD = new Form("record", "form.incubation", RecordIncubation.class, "incubationId", List.of(
            text("incubationId", true), text("incubatorInstitutionId", true), text("enterpriseName", true),
            text("creditCode", true), date("enteredOn"), date("graduatedOn", false)));

    static final Form GRADUATION = new Form("graduation", "form.graduation", RecordGraduation.class, "incubationId",
            List.of(text("incubationId", true), date("graduatedOn")));

    private final IndicatorFigures figures;
    private final Incubators incubators;
    private final FormSender forms;
    private final Refusals refusals;
    private final ReadYourWrites readYourWrites;

    IncubationPages(IndicatorFigures figures, Incubators incubators, FormSender forms, Refusals refusals,
                    ReadYourWrites readYourWrites) {
        this.figures = figures;
        this.incubators = incubators;
        this.forms = forms;
        this.refusals = refusals;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/incubations")
    String incubations(@RequestParam(required = false) String institutionId, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(required = false) Long position, Model model) {
        return listPage(institutionId, page, position, model, Map.of(), null, Map.of());
    }

    @PostMapping("/incubations/graduation")
    String graduate(@RequestParam Map<String, String> submitted, Model model, Locale locale, RedirectAttributes redirect) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        FormSender.Result result = forms.send(GRADUATION, submitted, "incubationId", null, me, locale,
                command -> Access.requireRecorderFor(incubators.of(((RecordGraduation) command).incubationId())));
        if (!result.recorded()) {
            return listPage(null, 0, null, model, submitted, result.message(), result.fieldErrors());
        }
        redirect.addFlashAttribute("recorded", recorded(GRADUATION, result, locale));
        return "redirect:/incubations?position=" + result.outcome().position();
    }

    private String listPage(String institutionId, int page, Long position, Model model, Map<String, String> values,
                            String message, Map<String, String> errors) {
        String scope = Access.institutionScope(institutionId == null || institutionId.isBlank() ? null : institutionId.strip());
        readYourWrites.await(IndicatorFiguresProjection.NAME, position);
        IndicatorFigures.IncubationPage found = figures.incubations(scope, Math.max(page, 0), PAGE_SIZE);
        LedgerUser me = Access.currentUser();
        model.addAttribute("found", found);
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("institutionId", scope);
        model.addAttribute("mayRecord", me.role() == Role.RECORDER || me.role() == Role.ADMIN);
        model.addAttribute("form", GRADUATION);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "incubations/list";
    }

    @GetMapping("/incubations/new")
    String recordForm(Model model) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        if (me.institutionId() != null) {
            values.put("incubatorInstitutionId", me.institutionId());
        }
        return recordPage(model, values, null, Map.of());
    }

    @PostMapping("/incubations/new")
    String record(@RequestParam Map<String, String> submitted, Model model, Locale locale, RedirectAttributes redirect) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        FormSender.Result result = forms.send(RECORD, submitted, "incubationId", null, me, locale,
                command -> Access.requireRecorderFor(((RecordIncubation) command).incubatorInstitutionId()));
        if (!result.recorded()) {
            return recordPage(model, submitted, result.message(), result.fieldErrors());
        }
        redirect.addFlashAttribute("recorded", recorded(RECORD, result, locale));
        return "redirect:/incubations?position=" + result.outcome().position();
    }

    private String recordPage(Model model, Map<String, String> values, String message, Map<String, String> errors) {
        model.addAttribute("form", RECORD);
        model.addAttribute("action", "/incubations/new");
        model.addAttribute("back", "/incubations");
        model.addAttribute("backLabel", "nav.incubations");
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "register";
    }

    private String recorded(Form form, FormSender.Result result, Locale locale) {
        String what = refusals.message(form.title(), locale);
        return result.outcome().repeated() ? refusals.message("common.repeated", locale, what)
                : refusals.message("common.recorded", locale, what, result.outcome().version());
    }
}
