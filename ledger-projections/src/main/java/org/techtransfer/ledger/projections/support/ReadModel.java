package org.techtransfer.ledger.projections.support;

/** What every read model tells operators and auditors about itself. */
public interface ReadModel {

    /** The processing group (and processor) that builds it. */
    String name();

    /** A digest of its contents: a rebuild from the log must give the same. */
    String checksum();
}
