package org.techtransfer.ledger.region;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techtransfer.ledger.command.LedgerCommandTargetResolver;
import org.techtransfer.ledger.rule.InvalidField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionYearTest {

    private AggregateTestFixture<RegionYear> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegionYear.class);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
    }

    @Test
    void the_first_figure_of_a_region_and_year_opens_its_stream() {
        fixture.givenNoPriorActivity()
                .when(new RecordPopulation("POP-1", "110116", 2020, 441_000, "Huairou statistical yearbook 2021"))
                .expectEvents(new PopulationRecorded("110116", 2020, "POP-1", 441_000, "Huairou statistical yearbook 2021"));
    }

    @Test
    void later_figures_add_to_it_with_their_version() {
        fixture.given(new PopulationRecorded("110116", 2020, "POP-1", 441_000, "yearbook"))
                .when(new RecordPatentStock("ST-1", "110116", 2020, 1_200, "Beijing IP office"))
                .expectEvents(new PatentStockRecorded("110116", 2020, "ST-1", 1_200, "Beijing IP office"))
                .expectResultMessagePayload(1L);
        fixture.given(new PopulationRecorded("110116", 2020, "POP-1", 441_000, "yearbook"))
                .when(new RecordPopulation("POP-2", "110116", 2020, 442_000, "yearbook, corrected"))
                .expectEvents(new PopulationRecorded("110116", 2020, "POP-2", 442_000, "yearbook, corrected"));
    }

    @Test
    void one_stream_per_region_and_year() {
        assertThat(new RecordPopulation("P", "110116", 2020, 1, "s").aggregateId())
                .isEqualTo(new RecordPatentStock("S", "110116", 2020, 0, "s").aggregateId())
                .isNotEqualTo(new RecordPopulation("P", "110116", 2019, 1, "s").aggregateId())
                .isNotEqualTo(new RecordPopulation("P", "110000", 2020, 1, "s").aggregateId());
    }

    @Test
    void names_the_malformed_field() {
        assertThatThrownBy(() -> new RecordPopulation("P", "110116", 2020, 0, "s"))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("population");
        assertThatThrownBy(() -> new RecordPopulation("P", "110116", 1948, 1, "s"))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("year");
        assertThatThrownBy(() -> new RecordPopulation("P", "110116", 2020, 1, " "))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("source");
        assertThatThrownBy(() -> new RecordPatentStock("S", "110116", 2020, -1, "s"))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("inventionPatents");
        assertThatThrownBy(() -> new RecordPatentStock("S", "1101", 2020, 0, "s"))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("regionCode");
        assertThat(new RecordPatentStock("S", "110116", 2020, 0, "s").inventionPatents()).isZero();
    }
}
