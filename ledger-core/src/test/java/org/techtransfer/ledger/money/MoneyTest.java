package org.techtransfer.ledger.money;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Nested
    class Parsing {

        @ParameterizedTest(name = "{0} = {1} fen")
        @CsvSource({
                "1250.00, 125000",
                "0.01, 1",
                "1250, 125000",
                "1250.5, 125050",
                "0, 0",
                "999999999999999.99, 99999999999999999",   // 15 integer digits: the most allowed
                "-12.34, -1234",
        })
        void reads_yuan_exactly(String yuan, long fen) {
            assertThat(Money.of(yuan).fen()).isEqualTo(fen);
            assertThat(Money.of(new BigDecimal(yuan)).fen()).isEqualTo(fen);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1250.001", "0.001", "0.015", "1.999", "1250.010"})
        void refuses_more_than_two_decimals_instead_of_rounding(String yuan) {
            assertThatThrownBy(() -> Money.of(yuan))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("two decimals");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1000000000000000.00", "1000000000000000", "-1000000000000000"})
        void refuses_16_integer_digits(String yuan) {
            assertThatThrownBy(() -> Money.of(yuan))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("integer digits");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "abc", "12,50", "1.2.3", "¥12", "1E+15", "1e3", " 12.00", "+12.00", "12."})
        void refuses_what_is_not_an_amount(String text) {
            assertThatThrownBy(() -> Money.of(text)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest(name = "{0} fen -> \"{1}\"")
        @CsvSource({"125000000, 1250000.00", "1, 0.01", "10, 0.10", "0, 0.00", "-50, -0.50"})
        void prints_yuan_with_exactly_two_decimals(long fen, String text) {
            assertThat(Money.ofFen(fen)).hasToString(text);
            assertThat(Money.ofFen(fen).toBigDecimal()).isEqualTo(new BigDecimal(text));
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void adds_and_subtracts_exactly() {
            assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
            assertThat(Money.of("100.00").minus(Money.of("100.01"))).isEqualTo(Money.of("-0.01"));
            assertThat(Money.of("1.00").times(3)).isEqualTo(Money.of("3.00"));
        }

        @Test
        void refuses_to_overflow_instead_of_wrapping() {
            Money huge = Money.ofFen(Long.MAX_VALUE);
            assertThatThrownBy(() -> huge.plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> huge.times(2)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)))
                    .isInstanceOf(ArithmeticException.class);
        }

        @ParameterizedTest(name = "{0} x {1} = {2}")
        @CsvSource({
                "100000.00, 0.70, 70000.00",
                "0.03,      0.70, 0.03",
                "100.01,    0.70, 70.01",
                "100.01,    0.50, 50.01",
                "0.01,      0.50, 0.01",
                "0.10,      0.70, 0.07",
                "0.00,      0.70, 0.00",
                "123.45,    1.00, 123.45",
                "123.45,    0,    0.00",
        })
        void rounds_a_share_up_to_the_fen(String amount, BigDecimal rate, String expected) {
            assertThat(Money.of(amount).timesRoundedUp(rate)).isEqualTo(Money.of(expected));
        }

        @Test
        void compares_and_clamps() {
            assertThat(Money.of("-0.01").atLeastZero()).isEqualTo(Money.ZERO);
            assertThat(Money.of("0.01").atLeastZero()).isEqualTo(Money.of("0.01"));
            assertThat(Money.of("0.01").isPositive()).isTrue();
            assertThat(Money.ZERO.isPositive()).isFalse();
            assertThat(Money.ZERO.isZero()).isTrue();
            assertThat(Money.of("-0.01").isNegative()).isTrue();
            assertThat(Money.of("1.00").isLessThan(Money.of("1.01"))).isTrue();
            assertThat(Money.of("1.01").isGreaterThan(Money.of("1.00"))).isTrue();
            assertThat(Money.max(Money.of("1.00"), Money.of("2.00"))).isEqualTo(Money.of("2.00"));
            assertThat(Money.of("1.00")).isLessThan(Money.of("1.01"));
        }
    }

    @Nested
    class Json {

        private final ObjectMapper mapper = JsonMapper.builder().build();

        @Test
        void is_a_string_with_two_decimals() throws JsonProcessingException {
            assertThat(mapper.writeValueAsString(Money.of("1250000"))).isEqualTo("\"1250000.00\"");
            assertThat(mapper.writeValueAsString(Map.of("amount", Money.of("0.5"))))
                    .isEqualTo("{\"amount\":\"0.50\"}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1250000.00", "0.01", "0.00", "999999999999999.99"})
        void reads_back_what_it_wrote(String yuan) throws JsonProcessingException {
            Money money = Money.of(yuan);
            String json = mapper.writeValueAsString(money);
            assertThat(json).isEqualTo("\"" + yuan + "\"");
            assertThat(mapper.readValue(json, Money.class)).isEqualTo(money);
        }

        @Test
        void reads_a_string_without_decimals() throws JsonProcessingException {
            assertThat(mapper.readValue("\"1250\"", Money.class)).isEqualTo(Money.ofFen(125000));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1250.00", "1250", "0.1"})
        void refuses_a_json_number_so_no_amount_ever_passes_through_a_double(String json) {
            assertThatThrownBy(() -> mapper.readValue(json, Money.class)).isInstanceOf(JsonProcessingException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"0.001\"", "\"1000000000000000.00\"", "\"abc\""})
        void refuses_a_string_that_is_not_an_amount(String json) {
            assertThatThrownBy(() -> mapper.readValue(json, Money.class))
                    .isInstanceOf(JsonProcessingException.class)
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
        }
    }
}
