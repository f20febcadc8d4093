package org.techtransfer.ledger.app.demand;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.app.web.Refusals;
import org.techtransfer.ledger.demand.CloseDemand;
import org.techtransfer.ledger.demand.MatchDemand;
import org.techtransfer.ledger.demand.MatchOutcome;
import org.techtransfer.ledger.demand.RecordDemand;
import org.techtransfer.ledger.demand.RecordMatchOutcome;
import org.techtransfer.ledger.projections.demand.DemandBook;
import org.techtransfer.ledger.projections.demand.DemandBookProjection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.techtransfer.ledger.app.console.Form.Field.date;
import static org.techtransfer.ledger.app.console.Form.Field.lines;
import static org.techtransfer.ledger.app.console.Form.Field.money;
import static org.techtransfer.ledger.app.console.Form.Field.select;
import static org.techtransfer.ledger.app.console.Form.Field.text;

/** The console's technology demands: the list, one demand with its matches, and the forms of the connection service. */
@ConsolePage
class DemandPages {

    static final int PAGE_SIZE = 25;

    static final Form RECORD = new Form("record", "form.demand", RecordDemand.class, "demandId", List.of(
            text("demandId", true), text("serviceInstitutionId", true), text("enterpriseName", true),
            text("creditCode", true), text("regionCode", true), text("need", true), text("technologyField", true),
            money("budget"), date("publishedOn")));

    /** The forms on a recorded demand, in the order a connection runs. */
    static final List<Form> ON_DEMAND = List.of(
            new Form("matches", "form.match", MatchDemand.class, "matchId", List.of(
                    text("matchId", true), lines("achievementIds"), date("matchedOn"), text("note", false))),
            new Form("outcomes", "form.outcome", RecordMatchOutcome.class, "matchId", List.of(
                    text("matchId", true), select("outcome", MatchOutcome.class, "outcome", true), date("concludedOn"),
                    text("contractId", false), text("note", false))),
            new Form("closure", "form.closure", CloseDemand.class, "demandId", List.of(
                    date("closedOn"), text("reason", true))));

    private final DemandBook book;
    private final ServiceInstitutions serviceInstitutions;
    private final FormSender forms;
    private final Refusals refusals;
    private final ReadYourWrites readYourWrites;

    DemandPages(DemandBook book, ServiceInstitutions serviceInstitutions, FormSender forms, Refusals refusals,
                ReadYourWrites readYourWrites) {
        this.book = book;
        this.serviceInstitutions = serviceInstitutions;
        this.forms = forms;
        this.refusals = refusals;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/demands")
    String demands(@RequestParam(required = false) String institutionId,
                   @RequestParam(required = false) DemandBook.DemandStatus status,
                   @RequestParam(defaultValue = "0") int page,
                   HttpServletRequest request, Model model) {
        String scope = Access.institutionScope(institutionId == null || institutionId.isBlank() ? null : institutionId.strip());
        DemandBook.Filter filter = new DemandBook.Filter(scope, status, null, null);
        DemandBook.DemandPage found = book.find(filter, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", DemandBook.DemandStatus.values());
        return request.getHeader("HX-Request") != null ? "demands/list :: results" : "demands/list";
    }

    @GetMapping("/demands/new")
    String recordForm(Model model) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        if (me.institutionId() != null) {
            values.put("serviceInstitutionId", me.institutionId());
        }
        return recordPage(model, values, null, Map.of());
    }

    @PostMapping("/demands/new")
    String record(@RequestParam Map<String, String> submitted, Model model, Locale locale, RedirectAttributes redirect) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        FormSender.Result result = forms.send(RECORD, submitted, "demandId", null, me, locale,
                command -> Access.requireRecorderFor(((RecordDemand) command).serviceInstitutionId()));
        if (!result.recorded()) {
            return recordPage(model, submitted, result.message(), result.fieldErrors());
        }
        redirect.addFlashAttribute("recorded", refusals.message("common.recorded", locale,
                refusals.message(RECORD.title(), locale), result.outcome().version()));
        return "redirect:/demands/" + result.outcome().identity().ownId() + "?position=" + result.outcome().position();
    }

    private String recordPage(Model model, Map<String, String> values, String message, Map<String, String> errors) {
        model.addAttribute("form", RECORD);
        model.addAttribute("action", "/demands/new");
        model.addAttribute("back", "/demands");
        model.addAttribute("backLabel", "nav.demands");
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "register";
    }

    @GetMapping("/demands/{id}")
    String demand(@PathVariable String id, @RequestParam(required = false) Long position, Model model) {
        return page(id, position, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/demands/{id}/{form}")
    String recordOn(@PathVariable String id, @PathVariable("form") String name,
                    @RequestParam Map<String, String> submitted, Model model, Locale locale,
                    RedirectAttributes redirect) {
        Form form = ON_DEMAND.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("no form '" + name + "'"));
        LedgerUser me = Access.requireRecorderFor(serviceInstitutions.of(id));
        FormSender.Result result = forms.send(form, submitted, "demandId", id, me, locale, command -> { });
        if (!result.recorded()) {
            return page(id, null, model, form.name(), submitted, result.message(), result.fieldErrors());
        }
        String what = refusals.message(form.title(), locale);
        redirect.addFlashAttribute("recorded", result.outcome().repeated()
                ? refusals.message("common.repeated", locale, what)
                : refusals.message("common.recorded", locale, what, result.outcome().version()));
        return "redirect:/demands/" + id + "?position=" + result.outcome().position();
    }

    private String page(String id, Long position, Model model, String openForm, Map<String, String> values,
                        String message, Map<String, String> errors) {
        LedgerUser me = Access.requireReaderOf(serviceInstitutions.of(id));
        readYourWrites.await(DemandBookProjection.NAME, position);
        DemandBook.DemandDetail detail = book.demand(id).orElseThrow(() -> new NotFound("no demand '" + id + "'"));
        boolean open = detail.demand().status() == DemandBook.DemandStatus.OPEN;
        boolean mayRecord = me.mayRecordFor(detail.demand().serviceInstitutionId());
        boolean pending = detail.matches().stream().anyMatch(m -> m.outcome() == null);
        model.addAttribute("d", detail.demand());
        model.addAttribute("matches", detail.matches());
        model.addAttribute("mayRecord", mayRecord);
        // a closed demand takes no match and no second closing; an outcome only while a match awaits one
        model.addAttribute("forms", ON_DEMAND.stream().filter(f -> open || f.name().equals("outcomes"))
                .filter(f -> pending || !f.name().equals("outcomes")).toList());
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "demands/page";
    }
}
