package org.techtransfer.ledger.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyProperties {

    @Property(tries = 5000)
    void an_amount_is_written_as_the_decimal_of_its_fen_with_two_places(@ForAll long fen) {
        // given any amount (the edges of long included), when written, then it is what BigDecimal writes
        assertThat(Money.ofFen(fen).toString()).isEqualTo(BigDecimal.valueOf(fen, 2).toPlainString());
    }
}
