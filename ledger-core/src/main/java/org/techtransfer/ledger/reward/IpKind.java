package org.techtransfer.ledger.reward;

/**
 * The kind of intellectual property a contract licenses or assigns, as the reduced wage tax on cash rewards
 * sorts it (Caishui [2018] No. 58): the first five qualify, the others do not. A contract that names none is
 * of unknown kind and does not qualify either.
 */
public enum IpKind {
    PATENT,
    SOFTWARE_COPYRIGHT,
    IC_LAYOUT,
    PLANT_VARIETY,
    BIOMEDICAL_VARIETY,
    TRADE_SECRET,
    KNOW_HOW,
    OTHER
}
