package dev.wirewatch.alerts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signature of a webhook delivery: {@code sha256=<hex>} of {@code timestamp + "." + body} under the
 * shared secret, sent in {@code X-Wirewatch-Signature} with the timestamp in {@code X-Wirewatch-Timestamp}. Signing
 * the timestamp lets a receiver reject replays of an old delivery.
 *
 * <p>Stateless and thread safe. Receivers verify with {@link #verify}, which compares in constant time.
 */
public final class Signature {

    public static final String SIGNATURE_HEADER = "X-Wirewatch-Signature";
    public static final String TIMESTAMP_HEADER = "X-Wirewatch-Timestamp";

    private Signature() {
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (signature == null || timestamp == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
