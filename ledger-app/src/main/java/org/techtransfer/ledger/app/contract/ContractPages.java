package org.techtransfer.ledger.app.contract;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techtransfer.ledger.app.command.AuditMetaData;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.console.Form;
import org.techtransfer.ledger.app.console.FormSender;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.Formats;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.app.web.Refusals;
import org.techtransfer.ledger.contract.ContractRegistered;
import org.techtransfer.ledger.contract.ContractState;
import org.techtransfer.ledger.contract.RegisterContract;
import org.techtransfer.ledger.coownership.CoOwnerBooks;
import org.techtransfer.ledger.coownership.CoOwnerTerms;
import org.techtransfer.ledger.institution.InstitutionRegistered;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.receivable.Receivables;
import org.techtransfer.ledger.receivable.SalesReported;
import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.RewardBook;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's contract page (figures, contributors, timeline, the contract as recorded at any instant) and
 * the forms of every command on contracts. Forms go through the same door and checks as the API.
 */
@ConsolePage
class ContractPages {

    /** The timeline shows the latest events; the API's {@code /events} and the NDJSON export give every one. */
    static final int TIMELINE = 200;

    /** A person on the contract with what the decisions allocated to them and what has been paid. */
    record Person(Contributor contributor, Money allocated, Money paid, Money unpaid) {
    }

    /** One event as the timeline shows it. */
    record Moment(long sequence, String type, Instant recordedAt, Object actor, LocalDate businessDate,
                  List<Detail> details) {
    }

    /** One field of an event; {@code textKey} names the message of a choice ("income.ROYALTY"), shown in the reader's language. */
    record Detail(String labelKey, String text, String textKey) {
    }


    private record Page(ContractView view, List<Person> people, Money undecided) {
    }

    private final ContractReader reader;
    private final FormSender forms;
    private final Refusals refusals;
    private final Clock clock;
    private final Institutions institutions;

    ContractPages(ContractReader reader, FormSender forms, Refusals refusals, Clock clock, Institutions institutions) {
        this.reader = reader;
        this.forms = forms;
        this.refusals = refusals;
        this.clock = clock;
        this.institutions = institutions;
    }

    @GetMapping("/contracts/new")
    String registerForm(Model model) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        if (me.institutionId() != null) {
            values.put("sellerInstitutionId", me.institutionId());
        }
        values.put("contributors[0].principal", "true");
        return registerPage(model, values, null, Map.of());
    }

    @PostMapping("/contracts/new")
    String register(@RequestParam Map<String, String> submitted, Model model, Locale locale,
                    RedirectAttributes redirect) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        FormSender.Result result = forms.send(ContractForms.REGISTER, submitted, null, me, locale,
                command -> Access.requireRecorderFor(((RegisterContract) command).sellerInstitutionId()));
        if (!result.recorded()) {
            return registerPage(model, submitted, result.message(), result.fieldErrors());
        }
        redirect.addFlashAttribute("recorded", refusals.message("common.recorded", locale,
                refusals.message(ContractForms.REGISTER.title(), locale), result.outcome().version()));
        return "redirect:/contracts/" + result.outcome().identity().aggregateId();
    }

    private String registerPage(Model model, Map<String, String> values, String message, Map<String, String> errors) {
        model.addAttribute("form", ContractForms.REGISTER);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "contracts/new";
    }

    @GetMapping("/contracts/{id}")
    String contract(@PathVariable String id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime asOf,
                    Model model) {
        return page(id, asOf, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/contracts/{id}/{form}")
    String record(@PathVariable String id, @PathVariable("form") String name,
                  @RequestParam Map<String, String> submitted, Model model, Locale locale,
                  RedirectAttributes redirect) {
        Form form = ContractForms.onContract(name).orElseThrow(() -> new NotFound("no form '" + name + "'"));
        LedgerUser me = Access.requireRecorderFor(seller(id));
        FormSender.Result result = forms.send(form, submitted, id, me, locale, command -> { });
        if (!result.recorded()) {
            return page(id, null, model, form.name(), submitted, result.message(), result.fieldErrors());
        }
        String what = refusals.message(form.title(), locale);
        redirect.addFlashAttribute("recorded", result.outcome().repeated()
                ? refusals.message("common.repeated", locale, what)
                : refusals.message("common.recorded", locale, what, result.outcome().version()));
        return "redirect:/contracts/" + id;
    }

    private String page(String id, LocalDateTime asOfLocal, Model model, String openForm, Map<String, String> values,
                        String message, Map<String, String> errors) {
        LedgerUser me = Access.requireReaderOf(seller(id));
        Page page;
        Instant asOf = asOfLocal == null ? null : asOfLocal.atZone(clock.getZone()).toInstant();
        if (asOf == null) {
            LocalDate today = LocalDate.now(clock);
            page = reader.current(id, state -> new Page(ContractView.of(state, today, null), people(state),
                    state.book().rewardUndecided()))
                    .orElseThrow(() -> new NotFound("no contract '" + id + "'"));
            model.addAttribute("deal", reader.current(id, state -> deal(state, today)).orElseThrow());
        } else {
            Access.requireRole(Role.AUDITOR, Role.ADMIN);
            ContractState then = reader.asOf(id, asOf)
                    .orElseThrow(() -> new NotFound("no contract '" + id + "' as of " + asOf));
            page = new Page(ContractView.of(then, LocalDate.ofInstant(asOf, clock.getZone()), asOf), people(then),
                    then.book().rewardUndecided());
            model.addAttribute("asOf", asOf);
            model.addAttribute("deal", deal(then, LocalDate.ofInstant(asOf, clock.getZone())));
        }
        // the latest events only: a contract of thousands of events is not read whole for its page
        List<DomainEventMessage<?>> events = reader.eventsFrom(id, Math.max(0, page.view().version() - TIMELINE + 1));
        List<Moment> timeline = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (asOf == null || !events.get(i).getTimestamp().isAfter(asOf)) {
                timeline.add(moment(events.get(i)));
            }
        }
        model.addAttribute("contract", page.view());
        model.addAttribute("sellerName", institutions.find(page.view().sellerInstitutionId())
                .map(InstitutionRegistered::name).orElse(null));
        model.addAttribute("people", page.people());
        model.addAttribute("stillToDecide", page.undecided());
        model.addAttribute("timeline", timeline);
        model.addAttribute("eventCount", page.view().version() + 1);
        model.addAttribute("timelineLength", TIMELINE);
        model.addAttribute("mayRecord", asOfLocal == null && me.mayRecordFor(page.view().sellerInstitutionId())
                && !page.view().terminated());
        model.addAttribute("mayTravel", me.role() == Role.AUDITOR || me.role() == Role.ADMIN);
        model.addAttribute("forms", ContractForms.ON_CONTRACT);
        model.addAttribute("openForm", openForm);
        model.addAttribute("defaults", Map.of("contributors", contributorRows(page.people())));
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "contracts/page";
    }

    /** A co-owner's own reward on the contract: its figures, its people as its own book has them, what is undecided. */
    private record CoOwnerPage(CoOwnerBooks.CoOwnerFigures figures, List<Person> people, Money undecided,
                               boolean terminated) {
    }

    /**
     * A co-owner's own page on the contract (issue 15): its share, what it owes, decided and paid, and the forms of
     * its own decisions, notices and payments, for a recorder of the co-owner. The seller's own is the contract page.
     */
    @GetMapping("/contracts/{id}/co-owners/{institutionId}")
    String coOwner(@PathVariable String id, @PathVariable String institutionId, Model model) {
        return coOwnerPage(id, institutionId, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/contracts/{id}/co-owners/{institutionId}/{form}")
    String recordForCoOwner(@PathVariable String id, @PathVariable String institutionId,
                            @PathVariable("form") String name, @RequestParam Map<String, String> submitted, Model model,
                            Locale locale, RedirectAttributes redirect) {
        Form form = ContractForms.forCoOwner(name).orElseThrow(() -> new NotFound("no form '" + name + "'"));
        seller(id);
        LedgerUser me = Access.requireRecorderFor(institutionId);
        FormSender.Result result = forms.send(form, submitted, "contractId", id, Map.of("institutionId", institutionId),
                me, locale, command -> { });
        if (!result.recorded()) {
            return coOwnerPage(id, institutionId, model, form.name(), submitted, result.message(), result.fieldErrors());
        }
        String what = refusals.message(form.title(), locale);
        redirect.addFlashAttribute("recorded", result.outcome().repeated()
                ? refusals.message("common.repeated", locale, what)
                : refusals.message("common.recorded", locale, what, result.outcome().version()));
        return "redirect:/contracts/" + id + "/co-owners/" + institutionId;
    }

    private String coOwnerPage(String id, String institutionId, Model model, String openForm,
                               Map<String, String> values, String message, Map<String, String> errors) {
        String seller = seller(id);
        if (seller.equals(institutionId)) {
            return "redirect:/contracts/" + id;
        }
        LedgerUser me = Access.currentUser();
        // a co-owner's recorder reads its own part here, not the seller's contract page
        boolean sellerOnly = (me.role() == Role.RECORDER || me.role() == Role.APPROVER) && !seller.equals(me.institutionId());
        if (sellerOnly && !institutionId.equals(me.institutionId())) {
            throw new AccessDeniedException("you may not read the contracts of institution " + seller);
        }
        LocalDate today = LocalDate.now(clock);
        CoOwnerPage page = reader.current(id, state -> state.coOwners().figures(today).stream()
                        .filter(f -> f.institutionId().equals(institutionId)).findFirst()
                        .map(f -> new CoOwnerPage(f, people(state, state.bookOf(institutionId)),
                                state.bookOf(institutionId).rewardUndecided(), state.isTerminated())))
                .flatMap(found -> found)
                .orElseThrow(() -> new NotFound("no co-owner '" + institutionId + "' of contract '" + id + "'"));
        model.addAttribute("contractId", id);
        model.addAttribute("sellerInstitutionId", seller);
        model.addAttribute("mayReadContract", !sellerOnly);
        model.addAttribute("owner", page.figures());
        model.addAttribute("ownerName", institutions.find(institutionId).map(InstitutionRegistered::name).orElse(null));
        model.addAttribute("people", page.people());
        model.addAttribute("stillToDecide", page.undecided());
        model.addAttribute("mayRecord", me.mayRecordFor(institutionId) && !page.terminated());
        model.addAttribute("forms", ContractForms.FOR_CO_OWNER);
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "contracts/co-owner";
    }

    /** What the deal promises and what it has brought (issue 15): receivables, sales reports, co-owners' shares. */
    record Deal(Receivables receivables, List<SalesReported> salesReports, List<CoOwnerBooks.CoOwnerFigures> coOwners) {
    }

    private static Deal deal(ContractState state, LocalDate day) {
        return new Deal(state.receivables(day), state.deal().reports(),
                state.coOwners().figures(day));
    }

    private static List<Person> people(ContractState state) {
        return people(state, state.book());
    }

    /** The contributors with what one book (the seller's, a co-owner's) allocated and paid them. */
    private static List<Person> people(ContractState state, RewardBook book) {
        return state.contributors().stream().map(c -> {
            Money allocated = book.allocatedTo(c.personId());
            Money paid = book.paidTo(c.personId());
            return new Person(c, allocated, paid, allocated.minus(paid));
        }).toList();
    }

    /** A change of contributors names the whole new list: the form starts from the one in force. */
    private static Map<String, String> contributorRows(List<Person> people) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            Contributor c = people.get(i).contributor();
            rows.put("contributors[" + i + "].personId", c.personId());
            rows.put("contributors[" + i + "].name", c.name());
            rows.put("contributors[" + i + "].principal", String.valueOf(c.principal()));
            rows.put("contributors[" + i + "].leadership", String.valueOf(c.leadership()));
            rows.put("contributors[" + i + "].principalHead", String.valueOf(Boolean.TRUE.equals(c.principalHead())));
        }
        return rows;
    }

    /** The business date is the payload's own date ({@code receivedOn}, {@code paidOn}, ...); the rest is detail. */
    private static Moment moment(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        LocalDate businessDate = null;
        List<Detail> details = new ArrayList<>();
        if (payload.getClass().isRecord()) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = component.getAccessor().invoke(payload);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
                String name = component.getName();
                if (value instanceof LocalDate date && businessDate == null && (name.endsWith("On") || name.equals("on") || name.equals("from"))) {
                    businessDate = date;
                } else if (value != null && !name.equals("contractId") && !(payload instanceof ContractRegistered)) {
                    details.add(new Detail("field." + name, shown(value),
                            ContractForms.optionKey(value)));
                }
            }
        }
        return new Moment(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                event.getMetaData().get(AuditMetaData.ACTOR), businessDate, details);
    }

    /**
     * Amounts grouped by thousands; an allocation list as "P-001 400,000.00, P-002 230,000.00"; a co-owner as its
     * institution and share ("DEMO-B 40%"), its policy being on the co-owners' table.
     */
    private static String shown(Object value) {
        if (value instanceof Money money) {
            return Formats.money(money.fen());
        }
        if (value instanceof CoOwnerTerms owner) {
            return owner.institutionId() + " " + owner.share().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ContractPages::shown).collect(Collectors.joining(", "));
        }
        if (value.getClass().isRecord()) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    Object part = component.getAccessor().invoke(value);
                    if (part != null) { // an instalment without a due date, a royalty without a minimum
                        parts.add(shown(part));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return String.join(" ", parts);
        }
        return String.valueOf(value);
    }

    private String seller(String contractId) {
        return reader.sellerOf(contractId).orElseThrow(() -> new NotFound("no contract '" + contractId + "'"));
    }
}
