package org.techtransfer.ledger.deal;

/**
 * How the price of a deal was fixed (Law on Promoting the Transformation of S&T Achievements, Art. 18): by
 * agreement (协议定价), by listing on a technology exchange (挂牌交易), by auction (拍卖), or otherwise.
 */
public enum Pricing {
    AGREEMENT,
    LISTING,
    AUCTION,
    OTHER;

    /** Art. 18: a price fixed by agreement is publicised inside the institution first. */
    public boolean needsPublicity() {
        return this == AGREEMENT;
    }
}
