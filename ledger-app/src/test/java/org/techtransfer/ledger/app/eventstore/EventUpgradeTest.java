package org.techtransfer.ledger.app.eventstore;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.techtransfer.ledger.app.admin.Projections;
import org.techtransfer.ledger.app.support.Deals;
import org.techtransfer.ledger.app.support.LedgerClient;
import org.techtransfer.ledger.app.support.LedgerNode;
import org.techtransfer.ledger.app.support.ReadModels;
import org.techtransfer.ledger.app.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, event upgrades (docs/operations.md, "Changing an event"): a registration stored in an older shape,
 * as an earlier release would have written it, is read in the current shape by the aggregate, the read models,
 * their replay, the contract's reads (now and as of an instant) and the scope check that reads the stored
 * registration alone; its stored bytes stay as they were, and the audit chain over them verifies.
 */
class EventUpgradeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = "C-NOW";
    private static final String OLD = "C-OLD";

    @Test
    void a_registration_stored_in_an_older_shape_reads_in_the_current_one_everywhere() throws Exception {
        String url = TestDatabase.fresh();
        try (LedgerNode node = LedgerNode.start(url)) {
            LedgerClient c = node.client();
            created(c.post("admin", "/api/v1/institutions", Deals.institution("DEMO-A", "BEIJING")));
            created(c.post("admin", "/api/v1/institutions", Deals.institution("DEMO-B", "NATIONAL")));
            created(c.post("recorder-a", "/api/v1/contracts", Deals.contract(NOW, "DEMO-A", "LICENSE")));
        }
        // the same registration under another id, as an earlier release would have stored it
        try (Connection db = TestDatabase.connect(url)) {
            JsonNode stored;
            String metaData;
            try (ResultSet r = db.createStatement().executeQuery(
                    "SELECT payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = '" + NOW + "'")) {
                assertThat(r.next()).isTrue();
                stored = JSON.readTree(r.getString(1));
                metaData = r.getString(2);
            }
            String old = JSON.writeValueAsString(ContractSignedUpcaster.old(stored)).replace(NOW, OLD);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                    + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                    + "meta_data) VALUES (?, ?, 0, 'TechnologyContract', ?, ?, NULL, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, OLD);
                insert.setString(3, DateTimeUtils.formatInstant(Instant.now()));
                insert.setString(4, ContractSignedUpcaster.OLD.getName());
                insert.setString(5, old);
                insert.setString(6, metaData);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }

        // the release that changed the shape starts on that log with its upcaster
        ListAppender<ILoggingEvent> serviceLog = new ListAppender<>();
        Logger projections = (Logger) LoggerFactory.getLogger(Projections.class);
        try (LedgerNode node = LedgerNode.start(url, "--spring.main.sources=" + ContractSignedUpcaster.class.getName())) {
            serviceLog.start();
            projections.addAppender(serviceLog); // after the start, which configures logging anew
            LedgerClient c = node.client();
            // the aggregate: the same commands on both contracts, each contract folded from the log
            long position = 0;
            for (String id : List.of(NOW, OLD)) {
                String base = "/api/v1/contracts/" + id;
                position = Math.max(position, created(c.post("recorder-a", base + "/incomes", Deals.income("I-1", "500000.00", "2026-03-15"))));
                position = Math.max(position, created(c.post("recorder-a", base + "/costs", Deals.cost("K-1", "100000.00", "TAX"))));
                position = Math.max(position, created(c.post("recorder-a", base + "/reward-decisions",
                        Deals.decision("D-1", "140000.00", "140000.00", "280000.00"))));
                position = Math.max(position, created(c.post("recorder-a", base + "/payments",
                        Deals.payment("PAY-1", "P-1", "140000.00", "2026-04-20"))));
            }

            // the contract now, through the recorder's scope check (the seller read from the stored registration)
            JsonNode now = ok(c.get("recorder-a", "/api/v1/contracts/" + NOW));
            assertThat(now.get("sellerInstitutionId").asText()).isEqualTo("DEMO-A");
            assertThat(renamed(ok(c.get("recorder-a", "/api/v1/contracts/" + OLD)))).isEqualTo(now);
            assertThat(c.get("recorder-b", "/api/v1/contracts/" + OLD).status())
                    .isEqualTo(c.get("recorder-b", "/api/v1/contracts/" + NOW).status()).isIn(403, 404);
            // and as of an instant, folded from the first event
            Instant asOf = Instant.now().plusMillis(5).truncatedTo(ChronoUnit.MILLIS);
            Thread.sleep(10);
            assertThat(renamed(ok(c.get("auditor", "/api/v1/contracts/" + OLD + "?asOf=" + asOf))))
                    .isEqualTo(ok(c.get("auditor", "/api/v1/contracts/" + NOW + "?asOf=" + asOf)));
            assertThat(renamed(ok(c.get("auditor", "/api/v1/contracts/" + OLD + "/events"))).findValues("type"))
                    .isEqualTo(ok(c.get("auditor", "/api/v1/contracts/" + NOW + "/events")).findValues("type"));

            // the read models, live and rebuilt from the log
            Map<String, String> live = ReadModels.awaitCaughtUp(c, position);
            Map<String, JsonNode> obligations = byContract(ok(c.get("finance", "/api/v1/rewards/obligations")));
            assertThat(renamed(obligations.get(OLD))).isEqualTo(obligations.get(NOW));
            Map<String, JsonNode> catalog = byContract(ok(c.get("finance", "/api/v1/contracts")).get("items"));
            assertThat(renamed(catalog.get(OLD))).isEqualTo(catalog.get(NOW));
            Map<String, String> rebuilt = ReadModels.rebuild(c, () -> serviceLog.list.stream()
                    .map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n")), position);
            assertThat(rebuilt).isEqualTo(live);

            // the stored bytes are the old ones, and the chain over them verifies
            try (Connection db = TestDatabase.connect(url); ResultSet r = db.createStatement().executeQuery(
                    "SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = '" + OLD
                            + "' AND sequence_number = 0")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(ContractSignedUpcaster.OLD.getName());
                assertThat(JSON.readTree(r.getString(2)).get("seller").get("institutionId").asText()).isEqualTo("DEMO-A");
            }
            assertThat(awaitVerified(c, position).get("valid").asBoolean()).isTrue();
        } finally {
            projections.detachAppender(serviceLog);
        }
    }

    /** A new form of an event: written with its revision, and an older form upcast to it on reading. */
    @Test
    void an_event_is_stored_with_its_revision_and_read_from_an_older_one_through_an_upcaster() throws Exception {
        Serializer serializer = new EventStoreConfiguration().serializer();
        SerializedObject<String> written = serializer.serialize(new Renamed("A-1", "new name"), String.class);
        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(serializer.serialize(new Unrevised("A-1"), String.class).getType().getRevision())
                .as("an event without @Revision").isNull();

        var revision1 = new GenericDomainEventEntry<>("Test", "A-1", 0, "e-1", DateTimeUtils.formatInstant(Instant.now()),
                Renamed.class.getName(), null, "{\"id\":\"A-1\",\"title\":\"old name\"}", "{}");
        DomainEventStream read = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(revision1), serializer,
                new EventUpcasterChain(new TitleToName()));
        DomainEventMessage<?> event = read.next();
        assertThat(event.getPayload()).isEqualTo(new Renamed("A-1", "old name"));
    }

    @Revision("2")
    record Renamed(String id, String name) {
    }

    record Unrevised(String id) {
    }

    /** Revision 1 of {@link Renamed} called its name {@code title}. */
    static final class TitleToName extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation r) {
            return r.getType().equals(new SimpleSerializedType(Renamed.class.getName(), null));
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation r) {
            return r.upcast(new SimpleSerializedType(Renamed.class.getName(), "2"), JsonNode.class, old -> {
                ObjectNode node = ((ObjectNode) old).deepCopy();
                node.set("name", node.remove("title"));
                return node;
            }, metaData -> metaData);
        }
    }

    private static JsonNode renamed(JsonNode old) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(old).replace(OLD, NOW));
    }

    private static Map<String, JsonNode> byContract(JsonNode rows) {
        Map<String, JsonNode> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.get("contractId").asText(), row));
        return byId;
    }

    private static JsonNode awaitVerified(LedgerClient c, long position) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        LedgerClient.Response last = null;
        while (System.currentTimeMillis() < deadline) {
            last = c.get("auditor", "/api/v1/audit/verify");
            if (last.status() == 200 && last.json().path("head").path("position").asLong() >= position) {
                return last.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the chain did not reach position " + position + ": " + last);
    }

    private static JsonNode ok(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static long created(LedgerClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("position").asLong();
    }
}
