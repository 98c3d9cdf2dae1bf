package dev.wirewatch.processing.triage;

import dev.wirewatch.processing.story.TermVector;
import java.util.Arrays;

/**
 * Tags what a story method encodes (features on the way to triage, profiles in its store) with the method's name,
 * so bytes another method wrote — a method swapped without a reset, or an instance of the previous build during a
 * rolling upgrade — are recognized and skipped instead of decoded as garbage.
 *
 * <p>Stateless and thread safe. The tag is 4 bytes: the low half of the name's {@link TermVector#key}.
 */
final class MethodBytes {

    private MethodBytes() {
    }

    static byte[] tag(String method, byte[] body) {
        int tag = tag(method);
        byte[] tagged = new byte[4 + body.length];
        tagged[0] = (byte) (tag >>> 24);
        tagged[1] = (byte) (tag >>> 16);
        tagged[2] = (byte) (tag >>> 8);
        tagged[3] = (byte) tag;
        System.arraycopy(body, 0, tagged, 4, body.length);
        return tagged;
    }

    /** The bytes {@code method} encoded, or null when {@code tagged} is another method's (or too short). */
    static byte[] untag(String method, byte[] tagged) {
        if (tagged == null || tagged.length < 4) {
            return null;
        }
        int tag = ((tagged[0] & 0xFF) << 24) | ((tagged[1] & 0xFF) << 16) | ((tagged[2] & 0xFF) << 8)
                | (tagged[3] & 0xFF);
        return tag == tag(method) ? Arrays.copyOfRange(tagged, 4, tagged.length) : null;
    }

    private static int tag(String method) {
        return (int) TermVector.key(method);
    }
}
