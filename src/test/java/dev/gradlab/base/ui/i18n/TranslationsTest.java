package dev.gradlab.base.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            assertThat(in).as(file + " on the classpath").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void every_key_exists_in_both_languages() throws IOException {
        Set<String> english = new TreeSet<>(load("translations.properties").stringPropertyNames());
        Set<String> chinese =
                new TreeSet<>(load("translations_zh_TW.properties").stringPropertyNames());

        Set<String> missingInChinese = new TreeSet<>(english);
        missingInChinese.removeAll(chinese);
        Set<String> missingInEnglish = new TreeSet<>(chinese);
        missingInEnglish.removeAll(english);

        assertThat(missingInChinese)
                .as("keys missing in translations_zh_TW.properties")
                .isEmpty();
        assertThat(missingInEnglish)
                .as("keys missing in translations.properties")
                .isEmpty();
    }

    @Test
    void no_text_is_empty_in_either_language() throws IOException {
        for (String file : new String[] {"translations.properties", "translations_zh_TW.properties"}) {
            Properties p = load(file);
            Set<String> empty = new TreeSet<>();
            p.stringPropertyNames().stream()
                    .filter(k -> p.getProperty(k).isBlank())
                    .forEach(empty::add);
            assertThat(empty).as("keys with empty text in " + file).isEmpty();
        }
    }

    @Test
    void no_text_contains_a_key_of_its_own_file() throws IOException {
        // a pasted "key=key=text" once showed the key itself to every English reader of the zero_grad lesson
        for (String file : new String[] {"translations.properties", "translations_zh_TW.properties"}) {
            Properties p = load(file);
            Set<String> leaking = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (text.contains(key + "=")) {
                    leaking.add(key);
                }
            }
            assertThat(leaking).as("texts that show a key in " + file).isEmpty();
        }
    }

    @Test
    void the_chinese_file_is_read_as_utf8_traditional_chinese() throws IOException {
        assertThat(load("translations_zh_TW.properties").getProperty("nav.lessons"))
                .isEqualTo("課程");
    }

    @Test
    void every_literal_key_used_in_the_code_exists() throws IOException {
        Set<String> known = load("translations.properties").stringPropertyNames();
        Pattern call = Pattern.compile(
                "getTranslation\\(\\s*(?:[a-zA-Z]+\\s*\\?\\s*)?\"([a-z0-9.\\-]+)\"(?:\\s*:\\s*\"([a-z0-9.\\-]+)\")?");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // Doc comments show usage examples with made-up keys: look at code lines only.
                String code = Files.readAllLines(f).stream()
                        .filter(l -> !l.trim().startsWith("*")
                                && !l.trim().startsWith("//")
                                && !l.trim().startsWith("/*"))
                        .collect(java.util.stream.Collectors.joining("\n"));
                Matcher m = call.matcher(code);
                while (m.find()) {
                    for (int g = 1; g <= 2; g++) {
                        if (m.group(g) != null && !known.contains(m.group(g))) {
                            unknown.add(m.group(g) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(unknown)
                .as("keys used in getTranslation(\"…\") but missing in translations.properties")
                .isEmpty();
    }
}
