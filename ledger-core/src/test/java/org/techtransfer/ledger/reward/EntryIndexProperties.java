package org.techtransfer.ledger.reward;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntryIndexProperties {

    @Property
    void finds_every_id_put_with_its_value_and_no_other(
            @ForAll @Size(max = 300) @UniqueElements List<@StringLength(max = 40) String> ids,
            @ForAll @StringLength(max = 40) String probe) {
        // given
        EntryIndex index = new EntryIndex();
        Map<String, Integer> expected = new HashMap<>();

        // when
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i * 3);
            expected.put(ids.get(i), i * 3);
        }

        // then
        assertThat(index.size()).isEqualTo(ids.size());
        ids.forEach(id -> assertThat(index.get(id)).isEqualTo(expected.get(id)));
        assertThat(index.get(probe)).isEqualTo(expected.getOrDefault(probe, -1));
        assertThat(index.contains(probe)).isEqualTo(expected.containsKey(probe));
    }
}
