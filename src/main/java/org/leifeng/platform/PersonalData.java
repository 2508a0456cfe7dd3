package org.leifeng.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.leifeng.platform.internal.PersonalDataKeys;
import org.springframework.stereotype.Component;

/**
 * Protects sensitive personal data at rest (PIPL): AES-256-GCM with a fresh 96-bit nonce per value, under the
 * current key, whose id is stored beside the ciphertext so keys can rotate; and a keyed HMAC-SHA256 "blind index"
 * that finds a value by equality without storing it. The index key never rotates with the encryption keys.
 */
@Component
public class PersonalData {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();
    /**
     * A Mac is not thread-safe. Looked up and keyed for every index, it would make the attendance code's HMAC a
     * noticeable share of a check-in's time in the application; each thread keeps one, keyed once.
     */
    private final ThreadLocal<Mac> indexMacs = ThreadLocal.withInitial(this::keyedIndexMac);

    PersonalData(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** A value encrypted under the key named {@code keyId}; {@code ciphertext} is nonce, then ciphertext and tag. */
    public record Sealed(String keyId, byte[] ciphertext) {
    }

    public Sealed seal(String plaintext) {
        String keyId = keys.currentKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.encryptionKey(keyId), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String open(Sealed sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.encryptionKey(sealed.keyId()), "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed.ciphertext(), 0, NONCE_BYTES));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed.ciphertext(), NONCE_BYTES, sealed.ciphertext().length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be decrypted with key " + sealed.keyId(), e);
        }
    }

    /** The blind index of a normalised value; {@code purpose} separates indexes, e.g. {@code id-document}, {@code phone}. */
    public byte[] blindIndex(String purpose, String normalisedValue) {
        Mac mac = indexMacs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        // doFinal leaves the Mac keyed and empty for the thread's next index.
        return mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
    }

    private Mac keyedIndexMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.indexKey(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
