package org.techtransfer.ledger.app.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techtransfer.ledger.achievement.AchievementKind;
import org.techtransfer.ledger.achievement.MoveAchievement;
import org.techtransfer.ledger.achievement.RegisterAchievement;
import org.techtransfer.ledger.achievement.Stage;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.security.LedgerUser;
import org.techtransfer.ledger.app.web.CommandAnswer;
import org.techtransfer.ledger.app.web.CommandBodies;
import org.techtransfer.ledger.projections.achievement.AchievementRegistry;
import org.techtransfer.ledger.projections.achievement.AchievementRegistryProjection;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.util.List;

/** The reserve library of achievements (docs/api.md, "Achievements"). */
@RestController
@RequestMapping("/api/v1/achievements")
public class AchievementController {

    private static final int MAX_SIZE = 200;

    private final CommandBodies bodies;
    private final Owners owners;
    private final AchievementRegistry registry;
    private final ReadYourWrites readYourWrites;

    AchievementController(CommandBodies bodies, Owners owners, AchievementRegistry registry,
                          ReadYourWrites readYourWrites) {
        this.bodies = bodies;
        this.owners = owners;
        this.registry = registry;
        this.readYourWrites = readYourWrites;
    }

    @PostMapping
    @Operation(summary = "Register an achievement in the reserve library (ADMIN; a RECORDER of one of its owners)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RegisterAchievement.class)))
    public ResponseEntity<CommandAnswer> register(@RequestBody JsonNode body, HttpServletRequest request) {
        RegisterAchievement command = bodies.read(body, RegisterAchievement.class, "achievementId", null);
        return bodies.send(command, requireRecorderForOneOf(command.ownerInstitutionIds()), request);
    }

    @PostMapping("/{id}/stage")
    @Operation(summary = "Move an achievement to another stage, with the reason (ADMIN; a RECORDER of one of its owners)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = MoveAchievement.class)))
    public ResponseEntity<CommandAnswer> move(@PathVariable String id, @RequestBody JsonNode body,
                                              HttpServletRequest request) {
        // as for a contract: the achievement exists, the recorder's institution owns it, then the body
        LedgerUser user = requireRecorderForOneOf(owners.of(id));
        return bodies.send(bodies.read(body, MoveAchievement.class, "achievementId", id), user, request);
    }

    @GetMapping
    @Operation(summary = "The reserve library, latest grant or filing first, filtered and paged (every role; a RECORDER its own institution's)")
    public AchievementRegistry.AchievementPage achievements(
            @Parameter(description = "one of the owners") @RequestParam(required = false) String institutionId,
            @RequestParam(required = false) AchievementKind kind,
            @Parameter(description = "TRANSFORMED once a registered contract names the achievement")
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String technologyField,
            @RequestParam(required = false) String regionCode,
            @Parameter(description = "0-based") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to " + MAX_SIZE) @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "wait until the read model has passed this position of a command's answer")
            @RequestParam(required = false) Long position) {
        if (page < 0) {
            throw new InvalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidField("size", "must be from 1 to " + MAX_SIZE);
        }
        if (technologyField != null) {
            Require.text(technologyField, "technologyField");
        }
        if (regionCode != null) {
            Require.regionCode(regionCode, "regionCode");
        }
        String scope = Access.institutionScope(institutionId);
        readYourWrites.await(AchievementRegistryProjection.NAME, position);
        return registry.find(new AchievementRegistry.Filter(scope, kind, stage, technologyField, regionCode), page, size);
    }

    /** ADMIN anywhere; a RECORDER when its institution is one of the owners (co-owners record alike). */
    static LedgerUser requireRecorderForOneOf(List<String> owners) {
        LedgerUser user = Access.currentUser();
        if (owners.stream().noneMatch(user::mayRecordFor)) {
            throw new AccessDeniedException("you may not record for the owners " + owners);
        }
        return user;
    }
}
