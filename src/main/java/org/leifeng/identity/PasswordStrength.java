package org.leifeng.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import org.leifeng.platform.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Refuses passwords that are easy to guess, wherever a password is set. zxcvbn estimates how many guesses a password
 * takes, knowing common passwords, words, names, keyboard walks, repeats, sequences and dates; a password must take
 * at least 10^8 guesses (zxcvbn's score 3). Its lists are English, so common Chinese passwords and pinyin words are
 * added ({@code identity/common-passwords-zh.txt}); the person's own name, phone and username count as known words.
 */
@Component
class PasswordStrength {

    /** zxcvbn's score 3: at least 10^8 guesses, beyond what the sign-in throttle lets anyone try online. */
    static final int MINIMUM_SCORE = 3;

    private final Zxcvbn zxcvbn;

    PasswordStrength() {
        try {
            List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
            dictionaries.add(new Dictionary("common-passwords-zh", commonChinesePasswords()));
            this.zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 400 naming {@code field} when the password is too easy to guess, also from the person's own details. */
    void check(String field, String password, Collection<String> personalWords) {
        if (password == null || !isStrong(password, personalWords)) {
            throw new InvalidInput(field, "validation.passwordWeak");
        }
    }

    boolean isStrong(String password, Collection<String> personalWords) {
        List<String> inputs = personalWords.stream().filter(Objects::nonNull).map(String::strip)
                .filter(word -> !word.isEmpty()).map(word -> word.toLowerCase(Locale.ROOT)).toList();
        return zxcvbn.measure(password, inputs).getScore() >= MINIMUM_SCORE;
    }

    private static List<String> commonChinesePasswords() throws IOException {
        try (InputStream in = PasswordStrength.class.getResourceAsStream("/identity/common-passwords-zh.txt")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
