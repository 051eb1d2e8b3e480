package io.viplane.notify.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures for the generic webhook, in Stripe's scheme: header
 * {@code X-Viplane-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}.
 * Signing the timestamp with the body lets a receiver reject replays older than its tolerance;
 * GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>} is sent as well for
 * receivers that already verify GitHub's. Receivers compare in constant time over the raw bytes.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-Viplane-Signature";
    public static final String GITHUB_STYLE_HEADER = "X-Hub-Signature-256";
    public static final String TIMESTAMP_HEADER = "X-Viplane-Timestamp";
    /** The delivery id (notice id + channel): the same on every retry, so a receiver can drop repeats. */
    public static final String DELIVERY_HEADER = "X-Viplane-Delivery";

    private WebhookSigner() {
    }

    public static String signatureHeader(byte[] body, Secret secret, Instant now) {
        long t = now.getEpochSecond();
        byte[] signed = concat((t + ".").getBytes(StandardCharsets.UTF_8), body);
        return "t=" + t + ",v1=" + hmacHex(secret.reveal(), signed);
    }

    public static String githubStyleHeader(byte[] body, Secret secret) {
        return "sha256=" + hmacHex(secret.reveal(), body);
    }

    /** What a receiver does: true when a v1 signature matches and t is within the tolerance of now. */
    public static boolean verify(byte[] body, String header, String secret, Duration tolerance, Instant now) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = part.substring(0, eq).trim();
            String v = part.substring(eq + 1).trim();
            if (k.equals("t")) {
                try {
                    t = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (k.equals("v1")) {
                v1 = v;
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        String expected = hmacHex(secret, concat((t + ".").getBytes(StandardCharsets.UTF_8), body));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmacHex(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
