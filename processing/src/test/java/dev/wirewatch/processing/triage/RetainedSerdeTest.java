package dev.wirewatch.processing.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class RetainedSerdeTest {

    private static final int[] MINS = {1, 65_535, 3, 42};

    @Test
    void aCopyAndAStoryMemberReadBackWithTheirDecisions() {
        Retained copy = new Retained("b", 20, null, MINS, 17, new byte[0],
                new Decision("b", 20, "a", 0.75, "near-copy-jaccard", "a", 0));
        Retained member = new Retained("c", 30, 1_700_000_000_000L, MINS, 9, new byte[] {1, 2, 3},
                new Decision("c", 30, null, 0.125, Decision.JOINED_STORY, "a", 0.5));
        assertEquals(copy, RetainedSerde.read(RetainedSerde.write(copy)));
        assertEquals(member, RetainedSerde.read(RetainedSerde.write(member)));
    }

    @Test
    void onlyTheLowSixteenBitsOfEachMinimumAreKept() {
        Retained r = new Retained("a", 1, null, new int[] {0x12345678}, 1, new byte[0],
                new Decision("a", 1, null, 0, Decision.NEW_STORY, "a", 0));
        assertEquals(0x5678, RetainedSerde.read(RetainedSerde.write(r)).mins()[0]);
    }

    @Test
    void anotherVersionOrTruncatedBytesAreASerializationError() {
        byte[] bytes = RetainedSerde.write(new Retained("a", 1, null, MINS, 1, new byte[] {7},
                new Decision("a", 1, null, 0, Decision.NEW_STORY, "a", 0)));
        byte[] other = bytes.clone();
        other[0] = 2;
        assertThrows(SerializationException.class, () -> RetainedSerde.read(other));
        assertThrows(SerializationException.class, () -> RetainedSerde.read(java.util.Arrays.copyOf(bytes, 12)));
    }
}
