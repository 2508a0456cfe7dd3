package org.leifeng.volunteer;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.leifeng.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The document and mobile numbers of every registered volunteer and guardian (the demo city's and the tests'),
 * decrypted, and a search for them in any text: what the privacy tests look for.
 */
final class RawPersonalNumbers {

    private static final Pattern CANDIDATE = Pattern.compile("[0-9A-Za-z]{5,}");
    private static final int DOCUMENT_LENGTH = 18;
    private static final int MOBILE_LENGTH = 11;

    private final Set<String> documents;
    private final Set<String> mobiles;

    private RawPersonalNumbers(Set<String> documents, Set<String> mobiles) {
        this.documents = documents;
        this.mobiles = mobiles;
    }

    static RawPersonalNumbers of(JdbcClient jdbc, PersonalData personalData) {
        return new RawPersonalNumbers(open(jdbc, personalData, """
                SELECT id_number_key, id_number_cipher FROM volunteer WHERE id_number_cipher IS NOT NULL
                UNION ALL
                SELECT id_number_key, id_number_cipher FROM volunteer_guardian WHERE id_number_cipher IS NOT NULL"""),
                open(jdbc, personalData, """
                SELECT phone_key, phone_cipher FROM volunteer WHERE phone_cipher IS NOT NULL
                UNION ALL
                SELECT emergency_phone_key, emergency_phone_cipher FROM volunteer WHERE emergency_phone_cipher IS NOT NULL
                UNION ALL
                SELECT phone_key, phone_cipher FROM volunteer_guardian WHERE phone_cipher IS NOT NULL"""));
    }

    private static Set<String> open(JdbcClient jdbc, PersonalData personalData, String sql) {
        Set<String> numbers = new HashSet<>();
        jdbc.sql(sql).query((rs, row) -> personalData.open(new PersonalData.Sealed(rs.getString(1), rs.getBytes(2))))
                .list().forEach(number -> numbers.add(number.toUpperCase()));
        return numbers;
    }

    int documentCount() {
        return documents.size();
    }

    int mobileCount() {
        return mobiles.size();
    }

    Set<String> documentsIn(String text) {
        return find(text, documents, DOCUMENT_LENGTH);
    }

    Set<String> mobilesIn(String text) {
        return find(text, mobiles, MOBILE_LENGTH);
    }

    /** Every run of letters and digits, and every stretch of it as long as a number, checked against the numbers. */
    private static Set<String> find(String text, Set<String> numbers, int length) {
        Set<String> found = new HashSet<>();
        if (text == null) {
            return found;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String token = matcher.group().toUpperCase();
            if (numbers.contains(token)) {
                found.add(token);
            }
            for (int start = 0; start + length <= token.length() && token.length() > length; start++) {
                if (numbers.contains(token.substring(start, start + length))) {
                    found.add(token.substring(start, start + length));
                }
            }
        }
        return found;
    }
}
