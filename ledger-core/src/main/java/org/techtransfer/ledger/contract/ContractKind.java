package org.techtransfer.ledger.contract;

/** Kinds of technology contract (Civil Code Art. 843; contract-registration rules). */
public enum ContractKind {
    LICENSE(true),
    ASSIGNMENT(true),
    /** The achievement contributed as capital for shares (技术入股). */
    EQUITY_INVESTMENT(true),
    DEVELOPMENT(false),
    CONSULTING(false),
    SERVICE(false);

    private final boolean raisesObligation;

    ContractKind(boolean raisesObligation) {
        this.raisesObligation = raisesObligation;
    }

    /** Whether the law sets a minimum reward for this kind (docs/domain.md, "Contracts and their kinds"). */
    public boolean raisesObligation() {
        return raisesObligation;
    }
}
