package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RetainedSerdeTest {

    private static final int[] MINS = {1, 255, 3, 42};
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String STORY = "fedcba9876543210fedcba9876543210";

    @Test
    void aCopyAndAStoryMemberReadBackWithTheirDecisions() {
        Retained copy = new Retained("b", 20, null, MINS, 17, new byte[0],
                new Decision("b", 20, "a", 0.75, "near-copy-jaccard", "a", 0));
        Retained member = new Retained(ID, 30, 1_700_000_000_000L, MINS, 9, new byte[] {1, 2, 3},
                new Decision(ID, 30, null, 0.125, Decision.JOINED_STORY, STORY, 0.5));
        assertEquals(copy, RetainedSerde.read(RetainedSerde.write(copy)));
        assertEquals(member, RetainedSerde.read(RetainedSerde.write(member)));
    }

    @Test
    void onlyTheLowEightBitsOfEachMinimumAreKept() {
        Retained r = new Retained("a", 1, null, new int[] {0x12345678}, 1, new byte[0],
                new Decision("a", 1, null, 0, Decision.NEW_STORY, "a", 0));
        assertEquals(0x78, RetainedSerde.read(RetainedSerde.write(r)).mins()[0]);
    }

    @Test
    void articleIdsOfThirtyTwoHexDigitsTakeSixteenBytesAndOtherIdsTheirText() {
        Retained hex = new Retained(ID, 1, null, MINS, 1, new byte[0],
                new Decision(ID, 1, STORY, 1, "exact-content", STORY, 0));
        Retained text = new Retained("Ab-" + ID.substring(3), 1, null, MINS, 1, new byte[0],
                new Decision("Ab-" + ID.substring(3), 1, "Fe-" + STORY.substring(3), 1, "exact-content",
                        "Fe-" + STORY.substring(3), 0));
        assertEquals(hex, RetainedSerde.read(RetainedSerde.write(hex)));
        assertEquals(text, RetainedSerde.read(RetainedSerde.write(text)));
        assertEquals(3 * (32 + 3 - 17), RetainedSerde.write(text).length - RetainedSerde.write(hex).length,
                "three ids, 17 bytes each as hex, 35 as text");
    }

    @Test
    void versionOneWrittenByEarlierBuildsIsStillRead() {
        byte[] id = ID.getBytes(StandardCharsets.UTF_8);
        byte[] rule = Decision.JOINED_STORY.getBytes(StandardCharsets.UTF_8);
        byte[] story = STORY.getBytes(StandardCharsets.UTF_8);
        ByteBuffer v1 = ByteBuffer.allocate(200).put((byte) 1).putShort((short) id.length).put(id).putLong(30)
                .put((byte) 1).putLong(1_700_000_000_000L).putInt(9).putShort((short) 2)
                .putShort((short) 0x1234).putShort((short) 7)
                .putInt(3).put(new byte[] {1, 2, 3})
                .putShort((short) 0).putFloat(0.125f)
                .putShort((short) rule.length).put(rule).putShort((short) story.length).put(story).putFloat(0.5f);
        byte[] bytes = java.util.Arrays.copyOf(v1.array(), v1.position());
        Retained read = RetainedSerde.read(bytes);
        assertEquals(new Retained(ID, 30, 1_700_000_000_000L, new int[] {0x1234, 7}, 9, new byte[] {1, 2, 3},
                new Decision(ID, 30, null, 0.125, Decision.JOINED_STORY, STORY, 0.5)), read);
        assertTrue(RetainedSerde.write(read).length < bytes.length, "written back as version 2, smaller");
        assertArrayEquals(new int[] {0x34, 7}, RetainedSerde.read(RetainedSerde.write(read)).mins(),
                "and its minima cut to the bits compared");
    }

    @Test
    void anotherVersionOrTruncatedBytesAreASerializationError() {
        byte[] bytes = RetainedSerde.write(new Retained("a", 1, null, MINS, 1, new byte[] {7},
                new Decision("a", 1, null, 0, Decision.NEW_STORY, "a", 0)));
        byte[] other = bytes.clone();
        other[0] = 3;
        assertThrows(SerializationException.class, () -> RetainedSerde.read(other));
        assertThrows(SerializationException.class, () -> RetainedSerde.read(java.util.Arrays.copyOf(bytes, 12)));
        byte[] badTag = bytes.clone();
        badTag[1] = 9;
        assertThrows(SerializationException.class, () -> RetainedSerde.read(badTag), "an id of no known form");
    }
}
