package org.techtransfer.ledger.app.achievement;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.techtransfer.ledger.achievement.Achievement;
import org.techtransfer.ledger.achievement.AchievementKind;
import org.techtransfer.ledger.achievement.AchievementMoved;
import org.techtransfer.ledger.achievement.AchievementRegistered;
import org.techtransfer.ledger.achievement.MoveAchievement;
import org.techtransfer.ledger.achievement.RegisterAchievement;
import org.techtransfer.ledger.achievement.Stage;
import org.techtransfer.ledger.app.command.AuditMetaData;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.console.Form;
import org.techtransfer.ledger.app.console.FormSender;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.security.Role;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.app.web.Refusals;
import org.techtransfer.ledger.projections.achievement.AchievementRegistry;
import org.techtransfer.ledger.projections.achievement.AchievementRegistryProjection;
import org.techtransfer.ledger.projections.demand.DemandBook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.techtransfer.ledger.app.console.Form.Field.date;
import static org.techtransfer.ledger.app.console.Form.Field.lines;
import static org.techtransfer.ledger.app.console.Form.Field.rows;
import static org.techtransfer.ledger.app.console.Form.Field.select;
import static org.techtransfer.ledger.app.console.Form.Field.text;

/** The console's reserve library: the achievements, one achievement with its moves and matches, and their forms. */
@ConsolePage
class AchievementPages {

    static final int PAGE_SIZE = 25;

    static final Form REGISTER = new Form("register", "form.achievement", RegisterAchievement.class, "achievementId",
            List.of(text("achievementId", true), select("kind", AchievementKind.class, "achievementKind", true),
                    text("title", true), lines("ownerInstitutionIds"), text("technologyField", true),
                    text("number", true), date("numberDate"), text("regionCode", true),
                    select("stage", List.of(Stage.RESERVE, Stage.OFFERED, Stage.IN_NEGOTIATION), "stage", false),
                    rows("inventors", text("name", true), text("personId", false))));

    static final Form MOVE = new Form("stage", "form.stageMove", MoveAchievement.class, "moveId", List.of(
            text("moveId", true), select("stage", Stage.class, "stage", true), text("reason", true)));

    /** One line of an achievement's history: its registration or a move, who recorded it and why. */
    record Move(Instant recordedAt, Object actor, Stage from, Stage to, String reason) {
    }

    private final AchievementRegistry registry;
    private final DemandBook demands;
    private final EventStore eventStore;
    private final Owners owners;
    private final FormSender forms;
    private final Refusals refusals;
    private final ReadYourWrites readYourWrites;

    AchievementPages(AchievementRegistry registry, DemandBook demands, EventStore eventStore, Owners owners,
                     FormSender forms, Refusals refusals, ReadYourWrites readYourWrites) {
        this.registry = registry;
        this.demands = demands;
        this.eventStore = eventStore;
        this.owners = owners;
        this.forms = forms;
        this.refusals = refusals;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/achievements")
    String achievements(@RequestParam(required = false) String institutionId,
                        @RequestParam(required = false) AchievementKind kind,
                        @RequestParam(required = false) Stage stage,
                        @RequestParam(defaultValue = "0") int page,
                        HttpServletRequest request, Model model) {
        String scope = Access.institutionScope(institutionId == null || institutionId.isBlank() ? null : institutionId.strip());
        AchievementRegistry.Filter filter = new AchievementRegistry.Filter(scope, kind, stage, null, null);
        AchievementRegistry.AchievementPage found = registry.find(filter, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", AchievementKind.values());
        model.addAttribute("stages", Stage.values());
        return request.getHeader("HX-Request") != null ? "achievements/list :: results" : "achievements/list";
    }

    @GetMapping("/achievements/new")
    String registerForm(Model model) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        if (me.institutionId() != null) {
            values.put("ownerInstitutionIds", me.institutionId());
        }
        return registerPage(model, values, null, Map.of());
    }

    @PostMapping("/achievements/new")
    String register(@RequestParam Map<String, String> submitted, Model model, Locale locale, RedirectAttributes redirect) {
        LedgerUser me = Access.requireRole(Role.RECORDER, Role.ADMIN);
        FormSender.Result result = forms.send(REGISTER, submitted, "achievementId", null, me, locale,
                command -> AchievementController.requireRecorderForOneOf(((RegisterAchievement) command).ownerInstitutionIds()));
        if (!result.recorded()) {
            return registerPage(model, submitted, result.message(), result.fieldErrors());
        }
        redirect.addFlashAttribute("recorded", refusals.message("common.recorded", locale,
                refusals.message(REGISTER.title(), locale), result.outcome().version()));
        return "redirect:/achievements/" + result.outcome().identity().ownId() + "?position=" + result.outcome().position();
    }

    private String registerPage(Model model, Map<String, String> values, String message, Map<String, String> errors) {
        model.addAttribute("form", REGISTER);
        model.addAttribute("action", "/achievements/new");
        model.addAttribute("back", "/achievements");
        model.addAttribute("backLabel", "nav.library");
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "register";
    }

    @GetMapping("/achievements/{id}")
    String achievement(@PathVariable String id, @RequestParam(required = false) Long position, Model model) {
        return page(id, position, model, null, Map.of(), null, Map.of());
    }

    @PostMapping("/achievements/{id}/stage")
    String move(@PathVariable String id, @RequestParam Map<String, String> submitted, Model model, Locale locale,
                RedirectAttributes redirect) {
        LedgerUser me = AchievementController.requireRecorderForOneOf(owners.of(id));
        FormSender.Result result = forms.send(MOVE, submitted, "achievementId", id, me, locale, command -> { });
        if (!result.recorded()) {
            return page(id, null, model, MOVE.name(), submitted, result.message(), result.fieldErrors());
        }
        String what = refusals.message(MOVE.title(), locale);
        redirect.addFlashAttribute("recorded", result.outcome().repeated()
                ? refusals.message("common.repeated", locale, what)
                : refusals.message("common.recorded", locale, what, result.outcome().version()));
        return "redirect:/achievements/" + id + "?position=" + result.outcome().position();
    }

    private String page(String id, Long position, Model model, String openForm, Map<String, String> values,
                        String message, Map<String, String> errors) {
        List<String> owned = owners.of(id);
        LedgerUser me = Access.currentUser();
        if (me.role() == Role.RECORDER && !owned.contains(me.institutionId())) {
            throw new AccessDeniedException("you may not read the achievements of " + owned);
        }
        readYourWrites.await(AchievementRegistryProjection.NAME, position);
        AchievementRegistry.AchievementSummary achievement = registry.achievement(id)
                .orElseThrow(() -> new NotFound("no achievement '" + id + "'"));
        model.addAttribute("a", achievement);
        model.addAttribute("moves", moves(id));
        model.addAttribute("matches", demands.matchesOf(id));
        model.addAttribute("mayRecord", owned.stream().anyMatch(me::mayRecordFor) && !achievement.recordedStage().isFinal());
        model.addAttribute("form", MOVE);
        model.addAttribute("openForm", openForm);
        model.addAttribute("values", values);
        model.addAttribute("message", message);
        model.addAttribute("errors", errors);
        return "achievements/page";
    }

    /** The registration and every move, latest first, from the achievement's own stream. */
    private List<Move> moves(String id) {
        List<Move> moves = new ArrayList<>();
        DomainEventStream events = eventStore.readEvents(Achievement.streamOf(id));
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object actor = event.getMetaData().get(AuditMetaData.ACTOR);
            if (event.getPayload() instanceof AchievementRegistered registered) {
                moves.add(0, new Move(event.getTimestamp(), actor, null, registered.stage(), null));
            } else if (event.getPayload() instanceof AchievementMoved moved) {
                moves.add(0, new Move(event.getTimestamp(), actor, moved.from(), moved.to(), moved.reason()));
            }
        }
        return moves;
    }
}
