package org.techtransfer.ledger.reward;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.techtransfer.ledger.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: the reduced wage tax never says a payment qualifies for an equity contract, a trade secret (or
 * know-how, other, unknown), an enterprise seller, or a payment outside the 36 months of the receipt it settles;
 * and it qualifies whenever every condition holds.
 */
class WageTaxProperties {

    private static final Set<IpKind> QUALIFYING = EnumSet.of(IpKind.PATENT, IpKind.SOFTWARE_COPYRIGHT,
            IpKind.IC_LAYOUT, IpKind.PLANT_VARIETY, IpKind.BIOMEDICAL_VARIETY);
    private static final LocalDate START = LocalDate.of(2016, 1, 1);

    @Provide
    Arbitrary<IpKind> ipKinds() {
        return Arbitraries.of(IpKind.values()).injectNull(0.15);
    }

    @Property
    void qualifies_exactly_when_every_condition_holds(@ForAll boolean universityOrInstitute, @ForAll boolean nonProfit,
                                                      @ForAll boolean licenseOrAssignment,
                                                      @ForAll("ipKinds") IpKind ipKind, @ForAll boolean publicised,
                                                      @ForAll @IntRange(max = 4000) int receivedDay,
                                                      @ForAll @IntRange(max = 1500) int daysLater) {
        LocalDate receipt = START.plusDays(receivedDay);
        LocalDate paidOn = receipt.plusDays(daysLater);
        ReducedWageTax tag = RewardPolicies.reducedWageTax(
                new WageTaxFacts(universityOrInstitute, nonProfit, licenseOrAssignment, ipKind), publicised,
                () -> receipt, paidOn);
        boolean inWindow = !paidOn.isAfter(receipt.plusMonths(36));
        boolean expected = universityOrInstitute && nonProfit && licenseOrAssignment && QUALIFYING.contains(ipKind)
                && publicised && inWindow && !paidOn.isBefore(LocalDate.of(2018, 7, 1));
        assertThat(tag.qualifies()).isEqualTo(expected);
        if (!universityOrInstitute || !licenseOrAssignment || !QUALIFYING.contains(ipKind) || !inWindow) {
            assertThat(tag.qualifies()).isFalse();
        }
    }

    /**
     * Over random histories of one contract's book: an equity contract, a trade secret or an enterprise seller
     * never has a qualifying payment, and a qualifying payment is within 36 months of an income that stood when
     * it was recorded.
     */
    @Property(tries = 300)
    void no_payment_of_a_random_history_qualifies_where_the_notice_excludes_it(
            @ForAll boolean universityOrInstitute, @ForAll boolean licenseOrAssignment, @ForAll("ipKinds") IpKind ipKind,
            @ForAll long seed) {
        Random random = new Random(seed);
        Contributor alice = new Contributor("alice", "Alice", true, false, false);
        RewardBook book = new RewardBook(new RewardTerms("TEST", new BigDecimal("0.70"), new BigDecimal("0.70"), 36),
                List.of(alice), new WageTaxFacts(universityOrInstitute, true, licenseOrAssignment, ipKind));
        book.decideCash("D-1", START, Money.ofFen(100_000_000), List.of(new Allocation("alice",
                Money.ofFen(100_000_000))));
        if (random.nextBoolean()) {
            book.publicize("D-1", START.plusDays(15));
        }
        List<LocalDate> receipts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LocalDate day = START.plusDays(random.nextInt(3650));
            if (random.nextInt(3) == 0) {
                book.recordIncome("I-" + i, Money.ofFen(1 + random.nextInt(1_000_000)), day);
                receipts.add(day);
            } else {
                String id = "P-" + i;
                book.pay(id, "alice", Money.ofFen(1 + random.nextInt(500_000)), day);
                ReducedWageTax tag = book.taxOf(id).orElseThrow();
                if (!universityOrInstitute || !licenseOrAssignment || !QUALIFYING.contains(ipKind)) {
                    assertThat(tag.qualifies()).isFalse();
                }
                if (tag.qualifies()) {
                    assertThat(receipts).anyMatch(r -> !day.isAfter(r.plusMonths(36)));
                }
            }
        }
    }
}
