package org.leifeng.platform.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The keys for personal data. {@code LEIFENG_PII_KEY} lists encryption keys as {@code id:base64} separated by
 * commas, the first being current (older ones only decrypt); {@code LEIFENG_PII_INDEX_KEY} is the blind-index key.
 * With the embedded database and no keys configured, keys are generated once into {@code <data dir>/secrets}; with
 * an external database they must be configured, since every node needs the same keys.
 */
@Component
public class PersonalDataKeys {

    private static final int KEY_BYTES = 32;

    private final Map<String, byte[]> encryptionKeys = new LinkedHashMap<>();
    private final byte[] indexKey;
    private final String currentKeyId;

    PersonalDataKeys(@Value("${leifeng.pii.key:}") String configuredKeys,
            @Value("${leifeng.pii.index-key:}") String configuredIndexKey,
            Optional<EmbeddedDatabaseProperties> embedded, Optional<EmbeddedPostgres> embeddedServer) throws IOException {
        String keys = configuredKeys;
        String index = configuredIndexKey;
        if (!StringUtils.hasText(keys) || !StringUtils.hasText(index)) {
            if (embeddedServer.isEmpty() || embedded.isEmpty()) {
                throw new IllegalStateException("Set LEIFENG_PII_KEY and LEIFENG_PII_INDEX_KEY: with an external "
                        + "database every node must use the same keys for personal data");
            }
            Properties stored = storedKeys(embedded.get().dataDir().resolve("secrets").resolve("personal-data-keys.properties"));
            keys = StringUtils.hasText(keys) ? keys : stored.getProperty("encryption");
            index = StringUtils.hasText(index) ? index : stored.getProperty("index");
        }
        for (String entry : keys.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,20}")) {
                throw new IllegalStateException("LEIFENG_PII_KEY entries look like k1:<base64 of 32 bytes>");
            }
            encryptionKeys.put(parts[0], decode(parts[1], "LEIFENG_PII_KEY " + parts[0]));
        }
        this.currentKeyId = encryptionKeys.keySet().iterator().next();
        this.indexKey = decode(index, "LEIFENG_PII_INDEX_KEY");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public byte[] encryptionKey(String keyId) {
        byte[] key = encryptionKeys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("No personal-data key " + keyId + " is configured");
        }
        return key;
    }

    public byte[] indexKey() {
        return indexKey;
    }

    private static byte[] decode(String base64, String what) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(what + " must be 32 bytes (256 bits), base64-encoded");
        }
        return key;
    }

    private static Properties storedKeys(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
        Files.createDirectories(file.getParent());
        SecureRandom random = new SecureRandom();
        properties.setProperty("encryption", "k1:" + randomKey(random));
        properties.setProperty("index", randomKey(random));
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Leifeng personal-data keys: back them up with the data; without them ID numbers are lost");
        }
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's own permissions apply.
        }
        Files.move(temporary, file);
        return properties;
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
