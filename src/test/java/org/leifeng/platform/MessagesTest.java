package org.leifeng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)[^}]*}");

    /**
     * A message with arguments goes through {@link MessageFormat}, where a single apostrophe starts a quoted run: in
     * "the activity's place ... within {1} m" the {1} was shown as is, and the apostrophe dropped. Every placeholder of
     * every message, in both languages, must come out filled.
     */
    @Test
    void everyMessageWithArgumentsFillsEachOfItsPlaceholders() throws IOException {
        List<Path> bundles;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            bundles = files.filter(file -> file.toString().endsWith(".properties")).sorted().toList();
        }
        int checked = 0;
        for (Path bundle : bundles) {
            Properties messages = new Properties();
            try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            Locale locale = bundle.getFileName().toString().contains("_en") ? Locale.ENGLISH
                    : Locale.SIMPLIFIED_CHINESE;
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                Matcher placeholders = PLACEHOLDER.matcher(pattern);
                if (!placeholders.find()) {
                    continue;
                }
                // Numbers, because some placeholders format as one ({0,number,...}); 9,00n cannot occur by chance.
                Object[] arguments = {9000, 9001, 9002, 9003, 9004, 9005, 9006, 9007, 9008, 9009};
                String formatted = new MessageFormat(pattern, locale).format(arguments);
                placeholders.reset();
                while (placeholders.find()) {
                    if (!placeholders.group().contains(",")) {
                        Object argument = arguments[Integer.parseInt(placeholders.group(1))];
                        assertThat(formatted).as("%s in %s", key, bundle.getFileName())
                                .contains(NumberFormat.getInstance(locale).format(argument));
                    }
                }
                assertThat(formatted).as("%s in %s", key, bundle.getFileName()).doesNotContainPattern("\\{\\d");
                checked++;
            }
        }
        assertThat(checked).as("messages with arguments").isGreaterThan(20);
    }
}
