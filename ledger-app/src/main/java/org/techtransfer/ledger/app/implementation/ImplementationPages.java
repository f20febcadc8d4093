package org.techtransfer.ledger.app.implementation;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.console.Form;
import org.techtransfer.ledger.app.console.FormSender;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.app.web.Refusals;
import org.techtransfer.ledger.implementation.CorrectOperatingProfit;
import org.techtransfer.ledger.implementation.DecideImplementationReward;
import org.techtransfer.ledger.implementation.ImplementationMode;
import org.techtransfer.ledger.implementation.ImplementationState;
import org.techtransfer.ledger.implementation.PayImplementationReward;
import org.techtransfer.ledger.implementation.PublicizeImplementationReward;
import org.techtransfer.ledger.implementation.RecordImplementation;
import org.techtransfer.ledger.implementation.RecordOperatingProfit;
import org.techtransfer.ledger.implementation.WithdrawImplementationRewardDecision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.techtransfer.ledger.app.console.Form.Field.check;
import static org.techtransfer.ledger.app.console.Form.Field.date;
import static org.techtransfer.ledger.app.console.Form.Field.lines;
import static org.techtransfer.ledger.app.console.Form.Field.money;
import static org.techtransfer.ledger.app.console.Form.Field.number;
import static org.techtransfer.ledger.app.console.Form.Field.rows;
import static org.techtransfer.ledger.app.console.Form.Field.select;
import static org.techtransfer.ledger.app.console.Form.Field.text;

/**
 * The console's self-implementation pages (issue 15): recording an implementation, and its page with the yearly
 * profits, the reward owed, decided and paid, and the forms of the commands on it, as on a contract (withdrawing a
 * decision, correcting a year's profit among them).
 */
@ConsolePage
class ImplementationPages {

    static final Form RECORD = new Form("record", "form.implementation", RecordImplementation.class,
            "implementationId", List.of(text("implementationId", true), text("institutionId", true),
            text("title", true), select("mode", ImplementationMode.class, "mode", true), date("productionStartedOn"),
            new Form.Field("rewardYears", Form.Kind.NUMBER, false, List.of(), null, List.of()), lines("achievements"),
            rows("contributors", text("personId", true), text("name", true), check("principal"), check("leadership"),
                    check("principalHead"))));

    static final List<Form> ON_IMPLEMENTATION = List.of(
            new Form("profits", "form.profit", RecordOperatingProfit.class, "year", List.of(
                    number("year"), money("operatingProfit"))),
            new Form("reward-decisions", "form.decision", DecideImplementationReward.class, "decisionId", List.of(
                    text("decisionId", true), date("decidedOn"), money("total"),
                    rows("allocations", text("personId", true), money("amount")))),
            new Form("publicity", "form.publicity", PublicizeImplementationReward.class, "noticeId", List.of(
                    text("noticeId", true), text("decisionId", true), date("from"), date("to"))),
            new Form("payments", "form.payment", PayImplementationReward.class, "paymentId", List.of(
                    text("paymentId", true), text("personId", true), money("amount"), date("paidOn"),
                    text("reference", true))),
            new Form("withdrawals", "form.withdrawal", WithdrawImplementationRewardDecision.class, "withdrawalId",
                    List.of(text("withdrawalId", true), text("decisionId", true), text("reason", true))),
            new Form("profit-corrections", "form.profitCorrection", CorrectOperatingProfit.class, "correctionId",
                    List.of(text("correctionId", true), number("year"), money("operatingProfit"),
                            text("reason", true))));

    private final ImplementationController implementations;
    private final FormSender forms;
    private final Refusals refusals;
    private final Clock clock;

    ImplementationPages(ImplementationController implementations, FormSender forms, Refusals refusals, Clock clock) {
        this.implementations = implementations;
        this.forms = forms;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/implementations/new")
    String recordForm(Model model) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        if (me.institutionId() != null) {
            values.put("institutionId", me.institutionId());
        }
        values.put("contributors[0].principal", "true");
        return recordPage(model, values, null, Map.of());
    }

    @PostMapping("/implementations/new")
    String record(@RequestParam Map<String, String> submitted, Model model, Locale locale, RedirectAttributes redirect) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        FormSender.Result result = forms.send(RECORD, submitted, "implementationId", null, me, locale,
                command -> Access.requireRecorderFor(((RecordImplementation) command).institutionId()));
        if (!result.recorded()) {
            return recordPage(model, submitted, result.message(), result.fieldErrors());
        }
        redirect.addFlashAttribute("recorded", refusals.message("common.recorded", locale,
                refusals.message(RECORD.title(), locale), result.outcome().version()));
        return "redirect:/implementations/" + submitted.get("implementationId");
    }

    private String recordPage(Model model, Map<String, String> values, String message, Map<String, String> errors) {
        model.addAttribute("form", RECORD);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "implementations/new";
    }

    @GetMapping("/implementations/{id}")
    String implementation(@PathVariable String id, Model model) {
        return page(id, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/implementations/{id}/{form}")
    String command(@PathVariable String id, @PathVariable("form") String name,
                   @RequestParam Map<String, String> submitted, Model model, Locale locale, RedirectAttributes redirect) {
        Form form = ON_IMPLEMENTATION.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("no form '" + name + "'"));
        LedgerUser me = Access.requireRecorderFor(implementations.read(id).registration().institutionId());
        FormSender.Result result = forms.send(form, submitted, "implementationId", id, me, locale, command -> { });
        if (!result.recorded()) {
            return page(id, model, form.name(), submitted, result.message(), result.fieldErrors());
        }
        String what = refusals.message(form.title(), locale);
        redirect.addFlashAttribute("recorded", result.outcome().repeated()
                ? refusals.message("common.repeated", locale, what)
                : refusals.message("common.recorded", locale, what, result.outcome().version()));
        return "redirect:/implementations/" + id;
    }

    private String page(String id, Model model, String openForm, Map<String, String> values, String message,
                        Map<String, String> errors) {
        ImplementationState state = implementations.read(id);
        LedgerUser me = Access.requireReaderOf(state.registration().institutionId());
        model.addAttribute("implementation", ImplementationController.view(state, LocalDate.now(clock)));
        model.addAttribute("mayRecord", me.mayRecordFor(state.registration().institutionId()));
        model.addAttribute("forms", ON_IMPLEMENTATION);
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "implementations/page";
    }
}
