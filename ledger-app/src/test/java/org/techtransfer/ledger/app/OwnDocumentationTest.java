package org.techtransfer.ledger.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every comment names files of this repository: the project's brief (its rules, API contract, architecture and
 * context, each an upper-case {@code .md} file) is kept outside it, so a comment cites docs/domain.md, docs/api.md,
 * docs/operations.md or the README instead. Checked over the three modules' sources: the comments of Java files (a string may quote the
 * API contract by name, as the OpenAPI description does), the whole of SQL, YAML, XML, HTML and properties files.
 */
class OwnDocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("ledger-core", "ledger-projections", "ledger-app");
    private static final Set<String> WHOLE_FILES = Set.of("sql", "yml", "yaml", "xml", "html", "properties");
    private static final Pattern OUTSIDE = Pattern.compile("\\b(RULES|API|ARCHITECTURE|CONTEXT)\\.md\\b");

    @Test
    void no_source_file_cites_the_brief_kept_outside_the_repository() throws IOException {
        List<String> citations = new ArrayList<>();
        int files = 0;
        for (String module : MODULES) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(module).resolve("src"))) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    String extension = name.substring(name.lastIndexOf('.') + 1);
                    String text;
                    if (extension.equals("java")) {
                        text = comments(Files.readString(file, StandardCharsets.UTF_8));
                    } else if (WHOLE_FILES.contains(extension)) {
                        text = Files.readString(file, StandardCharsets.UTF_8);
                    } else {
                        continue;
                    }
                    files++;
                    Matcher m = OUTSIDE.matcher(text);
                    while (m.find()) {
                        citations.add(ROOT.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(files).as("source files read").isGreaterThan(100);
        assertThat(citations).as("cite docs/domain.md, docs/api.md, docs/operations.md or README.md instead").isEmpty();
    }

    @Test
    void only_the_comments_of_java_are_read() {
        String source = """
                /** See RULES.md. */
                String s = "// API.md"; char c = '"'; // CONTEXT.md
                String t = \"""
                    /* ARCHITECTURE.md */\""";
                """;
        assertThat(comments(source)).contains("RULES.md", "CONTEXT.md").doesNotContain("API.md", "ARCHITECTURE.md");
    }

    /** The text of a Java source's comments, one per line; strings, text blocks and characters skipped. */
    static String comments(String source) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(source, i, end).append('\n');
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(source, i, end).append('\n');
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                i = closing(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                i = closing(source, i + 1, String.valueOf(source.charAt(i)));
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the {@code quote} that closes a literal opened before {@code from}, escapes skipped. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return i;
    }
}
