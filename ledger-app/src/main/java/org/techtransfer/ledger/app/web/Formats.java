package org.techtransfer.ledger.app.web;

import org.springframework.stereotype.Component;
import org.techtransfer.ledger.money.Money;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes figures ({@code ${@fmt.money(x)}} in a template): amounts with thousands separators
 * and two decimals, dates ISO, instants to the second in the ledger's time zone.
 */
@Component("fmt")
public class Formats {

    private final DateTimeFormatter instants;

    Formats(Clock clock) {
        this.instants = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(clock.getZone());
    }

    public String money(Money amount) {
        return amount == null ? "" : money(amount.fen());
    }

    /** Exact for every long: the yuan part grouped by thousands, then the fen. */
    public static String money(long fen) {
        long yuan = Math.abs(fen / 100);
        long cents = Math.abs(fen % 100);
        String grouped = String.format(Locale.ROOT, "%,d", yuan);
        return (fen < 0 ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + cents;
    }

    public String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    public String instant(Instant instant) {
        return instant == null ? "" : instants.format(instant);
    }

    /** The value of an {@code <input type="datetime-local">} for an instant. */
    public String localInput(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
                .withZone(instants.getZone()).format(instant);
    }
}
