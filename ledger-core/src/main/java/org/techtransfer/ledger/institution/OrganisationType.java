package org.techtransfer.ledger.institution;

/** The kind of organisation on either side of a deal: sellers are grouped by it in the statistics. */
public enum OrganisationType {
    UNIVERSITY,
    RESEARCH_INSTITUTE,
    ENTERPRISE,
    OTHER
}
