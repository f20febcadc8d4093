package org.techtransfer.ledger.app.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.techtransfer.ledger.contract.ContractRegistered;

/**
 * A test-only old shape of the registration, upgraded as a release that changed it would upgrade it: named
 * {@code ContractSigned}, with the seller as one nested object {@code seller: {institutionId, type, regionCode}}.
 * Not a component: a test adds it to the ledger it starts ({@code --spring.main.sources}), so no other test sees it.
 */
public class ContractSignedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType OLD = new SimpleSerializedType("org.techtransfer.ledger.contract.ContractSigned", null);
    private static final SimpleSerializedType CURRENT = new SimpleSerializedType(ContractRegistered.class.getName(), null);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(OLD);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcast(CURRENT, JsonNode.class, ContractSignedUpcaster::current, metaData -> metaData);
    }

    static JsonNode current(JsonNode old) {
        ObjectNode registration = ((ObjectNode) old).deepCopy();
        JsonNode seller = registration.remove("seller");
        registration.set("sellerInstitutionId", seller.get("institutionId"));
        registration.set("sellerType", seller.get("type"));
        registration.set("sellerRegionCode", seller.get("regionCode"));
        return registration;
    }

    /** The old shape of a registration stored in the current one: what an earlier release would have written. */
    static ObjectNode old(JsonNode current) {
        ObjectNode registration = ((ObjectNode) current).deepCopy();
        ObjectNode seller = registration.putObject("seller");
        seller.set("institutionId", registration.remove("sellerInstitutionId"));
        seller.set("type", registration.remove("sellerType"));
        seller.set("regionCode", registration.remove("sellerRegionCode"));
        return registration;
    }
}
