package org.leifeng.platform.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Bench-side door to the application's {@link PersonalDataKeys} (package-private constructor): the keys of a running
 * embedded installation, read from the file the application itself generated in {@code <data dir>/secrets}.
 */
public final class BenchKeys {

    private BenchKeys() {
    }

    public static PersonalDataKeys of(String encryptionKeys, String indexKey) {
        try {
            return new PersonalDataKeys(encryptionKeys, indexKey, Optional.empty(), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys in {@code <dataDir>/secrets/personal-data-keys.properties}, as the application stored them. */
    public static PersonalDataKeys fromDataDir(Path dataDir) {
        Path file = dataDir.resolve("secrets").resolve("personal-data-keys.properties");
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the application's personal-data keys at " + file, e);
        }
        return of(stored.getProperty("encryption"), stored.getProperty("index"));
    }
}
