package org.techtransfer.ledger.app.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
public class AdminController {

    private final Projections projections;

    AdminController(Projections projections) {
        this.projections = projections;
    }

    @PostMapping("/api/v1/admin/replay")
    @Operation(summary = "Rebuild every read model from the event log (AUDITOR, ADMIN); answers at once")
    public ResponseEntity<Projections.Replay> replay() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.replayAll());
    }

    @GetMapping("/api/v1/admin/projections")
    @Operation(summary = "Each read model: position, replaying, caught up, checksum of its rows, dead letters")
    public List<Projections.Status> projections() {
        return projections.status();
    }
}
