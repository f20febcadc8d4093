package org.techtransfer.ledger.implementation;

/** Law Art. 45(3): an achievement implemented by the institution itself, or in cooperation with others. */
public enum ImplementationMode {
    SELF,
    COOPERATION
}
