package org.techtransfer.ledger.app.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages say everything, each once: a key given twice silently keeps only its last text. */
class MessagesTest {

    @Test
    void the_chinese_and_the_english_messages_have_the_same_keys_each_given_once() throws IOException {
        Map<String, String> english = read("messages.properties");
        Map<String, String> chinese = read("messages_zh.properties");
        assertThat(chinese.keySet()).as("keys only in English").containsAll(english.keySet());
        assertThat(english.keySet()).as("keys only in Chinese").containsAll(chinese.keySet());
        assertThat(chinese.entrySet()).as("empty Chinese texts").allMatch(e -> !e.getValue().isBlank());
    }

    private static Map<String, String> read(String resource) throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int equals = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || equals < 0) {
                    continue;
                }
                if (messages.put(line.substring(0, equals).trim(), line.substring(equals + 1)) != null) {
                    repeated.add(line.substring(0, equals));
                }
            }
        }
        assertThat(repeated).as("keys given twice in " + resource).isEmpty();
        return messages;
    }
}
