package dev.medius.runtime.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An erased athlete as records that outlive them name them (the record of erasures, the access trail): enough to
 * answer whether someone was erased or read, given their organisation and id, not who they were.
 */
public final class AthleteDigest {

    private AthleteDigest() {
    }

    public static String of(String tenant, String athleteId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest((tenant + "\n" + athleteId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
