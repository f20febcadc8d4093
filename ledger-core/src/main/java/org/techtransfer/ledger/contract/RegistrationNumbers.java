package org.techtransfer.ledger.contract;

/**
 * The ledger-wide register of contract registration numbers: one registration per contract.
 * Implemented in storage in the same transaction as the contract's first event, so that two
 * contracts registered at once with one number cannot both succeed.
 */
public interface RegistrationNumbers {

    /** Claims the number for the contract; false when another contract holds it. */
    boolean claim(String registrationNumber, String contractId);
}
