package org.techtransfer.ledger.app.approval;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.console.Form;
import org.techtransfer.ledger.app.console.FormSender;
import org.techtransfer.ledger.app.contract.ContractReader;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.app.web.Refusals;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.projections.reward.RewardObligationProjection;
import org.techtransfer.ledger.projections.reward.RewardObligations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The console's pages of the institution's own process (issue 23): its deal notices and approval policy, and each
 * approver's list of the reward decisions waiting for its level, with the answer beside each.
 */
@ConsolePage
class ProcessPages {

    private final Institutions institutions;
    private final RewardObligations obligations;
    private final ContractReader contracts;
    private final FormSender forms;
    private final Refusals refusals;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ProcessPages(Institutions institutions, RewardObligations obligations, ContractReader contracts, FormSender forms,
                 Refusals refusals, ReadYourWrites readYourWrites, Clock clock) {
        this.readYourWrites = readYourWrites;
        this.institutions = institutions;
        this.obligations = obligations;
        this.contracts = contracts;
        this.forms = forms;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/institutions/{id}/process")
    String process(@PathVariable String id, Model model) {
        return processPage(id, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/institutions/{id}/process/{form}")
    String record(@PathVariable String id, @PathVariable("form") String name,
                  @RequestParam Map<String, String> submitted, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Form form = ProcessForms.ON_INSTITUTION.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("no form '" + name + "'"));
        known(id);
        LedgerUser me = form == ProcessForms.APPROVAL_POLICY ? Access.requireRole(Role.ADMIN)
                : Access.requireRecorderFor(id);
        Map<String, String> body = new LinkedHashMap<>(submitted);
        body.put("institutionId", id);
        FormSender.Result result = forms.send(withInstitution(form), body, null, me, locale, command -> { });
        if (!result.recorded()) {
            return processPage(id, model, form.name(), submitted, result.message(), result.fieldErrors());
        }
        redirect.addFlashAttribute("recorded", refusals.message("common.recorded", locale,
                refusals.message(form.title(), locale), result.outcome().version()));
        return "redirect:/institutions/" + id + "/process";
    }

    private String processPage(String id, Model model, String openForm, Map<String, String> values, String message,
                               Map<String, String> errors) {
        LedgerUser me = Access.requireReaderOf(id);
        known(id);
        model.addAttribute("institutionId", id);
        model.addAttribute("policy", institutions.approvalPolicy(id, LocalDate.now(clock)).orElse(null));
        model.addAttribute("forms", ProcessForms.ON_INSTITUTION.stream()
                .filter(f -> f == ProcessForms.APPROVAL_POLICY ? me.role() == Role.ADMIN : me.mayRecordFor(id))
                .toList());
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "institution-process";
    }

    /** {@code position}: after an answer, the list waits until it includes it. */
    @GetMapping("/approvals")
    String approvals(@RequestParam(required = false) Long position, Model model) {
        readYourWrites.await(RewardObligationProjection.NAME, position);
        return approvalsPage(model, null, null);
    }

    @PostMapping("/approvals/{contractId}/{decisionId}")
    String answer(@PathVariable String contractId, @PathVariable String decisionId,
                  @RequestParam Map<String, String> submitted, Model model, Locale locale,
                  RedirectAttributes redirect) {
        String seller = contracts.sellerOf(contractId).orElseThrow(() -> new NotFound("no contract '" + contractId + "'"));
        LedgerUser me = Access.requireApproverFor(seller);
        Map<String, String> body = new LinkedHashMap<>(submitted);
        body.put("decisionId", decisionId);
        body.put("level", me.approvalLevel().name());
        FormSender.Result result = forms.send(ProcessForms.APPROVAL, body, contractId, me, locale, command -> { });
        if (!result.recorded()) {
            String fields = String.join(" ", result.fieldErrors().values());
            return approvalsPage(model, decisionId, fields.isEmpty() ? result.message() : result.message() + " " + fields);
        }
        redirect.addFlashAttribute("recorded", refusals.message("common.recorded", locale,
                refusals.message(ProcessForms.APPROVAL.title(), locale), result.outcome().version()));
        return "redirect:/approvals?position=" + result.outcome().position();
    }

    private String approvalsPage(Model model, String refusedDecision, String message) {
        LedgerUser me = Access.requireRole(Role.APPROVER);
        model.addAttribute("level", me.approvalLevel());
        model.addAttribute("institutionId", me.institutionId());
        model.addAttribute("waiting", me.approvalLevel() == null ? java.util.List.of()
                : obligations.waitingFor(me.institutionId(), me.approvalLevel()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("refusedDecision", refusedDecision);
        model.addAttribute("message", message);
        return "approvals";
    }

    /** The form sends the institution's id with its fields: it comes from the page, not from a field drawn. */
    private static Form withInstitution(Form form) {
        java.util.List<Form.Field> fields = new java.util.ArrayList<>(form.fields());
        fields.add(Form.Field.text("institutionId", true));
        return new Form(form.name(), form.title(), form.command(), form.idField(), fields);
    }

    private void known(String id) {
        institutions.find(id).orElseThrow(() -> new NotFound("no institution '" + id + "'"));
    }
}
