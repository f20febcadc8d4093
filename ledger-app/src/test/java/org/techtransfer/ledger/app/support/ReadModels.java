package org.techtransfer.ledger.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The read models as {@code GET /admin/projections} shows them: waiting until they have caught up,
 * their checksums, and a full rebuild from the log ({@code POST /admin/replay}) to compare against.
 */
public final class ReadModels {

    public static final List<String> NAMES = List.of("reward-obligations", "payouts", "contract-volumes", "contract-catalog",
            "achievement-registry", "indicator-figures", "technology-demands", "receivables", "co-owner-obligations");
    private static final Duration WAIT = Duration.ofSeconds(120);

    private ReadModels() {
    }

    /** Until every read model is caught up, not replaying, past {@code position} and without dead letters; their checksums. */
    public static Map<String, String> awaitCaughtUp(LedgerClient client, long position) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            LedgerClient.Response response = client.get("auditor", "/api/v1/admin/projections");
            last = response.toString();
            if (response.status() == 200) {
                List<JsonNode> models = new ArrayList<>();
                response.json().forEach(models::add);
                boolean done = models.size() == NAMES.size() && models.stream().allMatch(m -> m.get("caughtUp").asBoolean()
                        && !m.get("replaying").asBoolean() && m.get("position").asLong() >= position
                        && m.get("deadLetters").asLong() == 0);
                if (done) {
                    Map<String, String> sums = new LinkedHashMap<>();
                    models.forEach(m -> sums.put(m.get("name").asText(), m.get("checksum").asText()));
                    return sums;
                }
            }
            ServiceProcess.sleep(200);
        }
        throw new AssertionError("read models not caught up with position " + position + " within " + WAIT + ": " + last);
    }

    /**
     * Rebuilds every read model from the log on the service behind {@code client} and waits until the
     * rebuild has caught up again; {@code serviceLog} is that service's log, where it reports each reset.
     */
    public static Map<String, String> rebuild(LedgerClient client, Supplier<String> serviceLog, long position) {
        LedgerClient.Response accepted = client.post("auditor", "/api/v1/admin/replay", "");
        if (accepted.status() != 202) {
            throw new AssertionError("replay not accepted: " + accepted);
        }
        String replayId = accepted.json().get("replayId").asText();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!NAMES.stream().allMatch(name -> serviceLog.get().contains("replay " + replayId + ": rebuilding " + name))) {
            if (serviceLog.get().contains("replay " + replayId + ": could not reset")) {
                throw new AssertionError("replay " + replayId + " could not reset a read model");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replay " + replayId + " did not reset every read model within " + WAIT);
            }
            ServiceProcess.sleep(100);
        }
        return awaitCaughtUp(client, position);
    }
}
