package org.techtransfer.ledger.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One registration per contract: a number stays with the first contract that claims it. */
final class InMemoryRegistrationNumbers implements RegistrationNumbers {

    private final Map<String, String> holders = new HashMap<>();

    @Override
    public boolean claim(String registrationNumber, String contractId) {
        String holder = holders.putIfAbsent(registrationNumber, contractId);
        return holder == null || holder.equals(contractId);
    }

    void heldBy(String registrationNumber, String contractId) {
        holders.put(registrationNumber, contractId);
    }

    Optional<String> holderOf(String registrationNumber) {
        return Optional.ofNullable(holders.get(registrationNumber));
    }
}
