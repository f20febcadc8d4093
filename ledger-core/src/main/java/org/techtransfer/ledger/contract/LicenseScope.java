package org.techtransfer.ledger.contract;

public enum LicenseScope {
    EXCLUSIVE,
    SOLE,
    NON_EXCLUSIVE
}
