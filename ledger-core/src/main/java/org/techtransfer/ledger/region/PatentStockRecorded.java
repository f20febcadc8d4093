package org.techtransfer.ledger.region;

/** Invention patents held outside the ledger's registry in a region at the end of a year; replaces any recorded before. */
public record PatentStockRecorded(String regionCode, int year, String recordId, long inventionPatents, String source) {
}
