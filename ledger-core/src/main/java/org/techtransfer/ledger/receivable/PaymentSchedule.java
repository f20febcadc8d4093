package org.techtransfer.ledger.receivable;

import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.rule.InvalidField;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Instalments drawn up from a contract's amount, exact to the fen. */
public final class PaymentSchedule {

    private PaymentSchedule() {
    }

    /**
     * {@code count} fixed instalments of {@code amount}, the first due on {@code firstDue} and each next
     * {@code monthsApart} later, ids {@code <prefix>-1}, {@code <prefix>-2}, ...: each the amount divided by the
     * count, rounded down to the fen, and the fen left over given one each to the first instalments, so that
     * they add up to the amount exactly and differ by at most one fen.
     */
    public static List<Instalment> equalInstalments(String prefix, Money amount, int count, LocalDate firstDue,
                                                    int monthsApart) {
        if (count < 1 || count > 120) {
            throw new InvalidField("count", "must be from 1 to 120");
        }
        if (monthsApart < 1 || monthsApart > 60) {
            throw new InvalidField("monthsApart", "must be from 1 to 60");
        }
        if (amount.fen() < count) {
            throw new InvalidField("count", "is more than the fen of the amount");
        }
        long base = amount.fen() / count;
        long left = amount.fen() % count;
        List<Instalment> instalments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            instalments.add(new Instalment(prefix + "-" + (i + 1), InstalmentKind.FIXED,
                    Money.ofFen(base + (i < left ? 1 : 0)), firstDue.plusMonths((long) i * monthsApart), null));
        }
        return instalments;
    }

    /** What the instalments add up to. */
    public static Money sum(List<Instalment> instalments) {
        Money sum = Money.ZERO;
        for (Instalment i : instalments) {
            sum = sum.plus(i.amount());
        }
        return sum;
    }
}
