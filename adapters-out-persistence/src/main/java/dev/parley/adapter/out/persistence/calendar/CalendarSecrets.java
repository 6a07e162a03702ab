package dev.parley.adapter.out.persistence.calendar;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The keys of the calendar context: AES-256-GCM for the tokens at rest (the tenant id is the associated
 * data, so a ciphertext moved to another tenant's row does not decrypt) and HMAC-SHA256 for the OAuth
 * states. Both derive from CALENDAR_TOKEN_KEY, else from SECRET_KEY, else from the process's JWT key
 * (development: tokens stored by an earlier process then read as "connect again").
 */
@Singleton
class CalendarSecrets {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private final SecretKeySpec encryption;
    private final SecretKeySpec signing;
    private final SecureRandom random = new SecureRandom();

    CalendarSecrets(@Value("${parley.calendar.token-key:}") String tokenKey, @Value("${parley.secret-key:}") String secretKey,
                    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret:}") String jwtKey) {
        String material = !tokenKey.isBlank() ? tokenKey : !secretKey.isBlank() ? secretKey : jwtKey;
        if (material.isBlank()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            material = Base64.getEncoder().encodeToString(bytes);
        }
        this.encryption = new SecretKeySpec(derive("parley calendar token encryption", material), "AES");
        this.signing = new SecretKeySpec(derive("parley calendar oauth state", material), "HmacSHA256");
    }

    private static byte[] derive(String purpose, String material) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(purpose.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(material.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String encrypt(long tenant, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, iv));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(tenant).array());
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a calendar token", e);
        }
    }

    /** Null when the text was not sealed with this key for this tenant. */
    String decrypt(long tenant, String sealedText) {
        if (sealedText == null || !sealedText.startsWith(PREFIX)) return null;
        try {
            byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            if (all.length <= IV_BYTES) return null;
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(tenant).array());
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signing);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
