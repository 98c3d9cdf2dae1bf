package dev.wirewatch.launcher.disk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirSpaceTest {

    @TempDir
    Path dir;

    @Test
    void lessFreeSpaceThanTheMinimumIsAClearErrorNamingTheDirectoryAndTheKey() {
        DataDirSpace tooSmall = new DataDirSpace(dir.resolve("data"), Integer.MAX_VALUE); // 2 PB
        IllegalStateException e = assertThrows(IllegalStateException.class, tooSmall::requireMinimum);
        assertTrue(e.getMessage().contains(dir.resolve("data").toString()) && e.getMessage().contains("MB free")
                && e.getMessage().contains("kafka.minFreeDiskMb"), e.getMessage());
        assertDoesNotThrow(new DataDirSpace(dir, 0)::requireMinimum, "0 turns the check off");
        assertDoesNotThrow(new DataDirSpace(dir, 1)::requireMinimum);
    }

    @Test
    void theFreeSpaceIsAGauge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new DataDirSpace(dir, Integer.MAX_VALUE).register(registry);
        double free = registry.find("wirewatch.data.dir.free.bytes").gauge().value();
        assertTrue(free > 0, "free bytes: " + free);
    }
}
