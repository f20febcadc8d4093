package org.techtransfer.ledger.region;

/** The resident population of a region in a year; replaces any recorded before. */
public record PopulationRecorded(String regionCode, int year, String recordId, long population, String source) {
}
