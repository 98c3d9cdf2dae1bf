package dev.wirewatch.launcher.disk;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free space of the data directory (the embedded broker's log, Streams' state, the desk's index): checked before
 * anything starts, so that a nearly full disk is a clear error and not a broker or a state store failing halfway
 * through a write; and exported as {@code wirewatch_data_dir_free_bytes}, with a warning once while it is below the
 * minimum.
 *
 * <p>Thread safe.
 */
public final class DataDirSpace {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirSpace.class);
    private static final long MB = 1024L * 1024L;

    private final Path dir;
    private final long minFreeBytes;
    private final FileStore store;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param minFreeMb the least free space to start with, in megabytes (the config's {@code kafka.minFreeDiskMb});
     *                  0 turns the check off
     */
    public DataDirSpace(Path dir, int minFreeMb) {
        this.dir = dir.toAbsolutePath();
        this.minFreeBytes = minFreeMb * MB;
        try {
            Files.createDirectories(this.dir);
            this.store = Files.getFileStore(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data directory " + this.dir + ": " + e.getMessage(), e);
        }
    }

    /** Free bytes the JVM may use there now. */
    public long freeBytes() {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Throws a clear error when less than the minimum is free.
     *
     * @throws IllegalStateException naming the directory, the free space and the key that sets the minimum
     */
    public void requireMinimum() {
        long free = freeBytes();
        if (minFreeBytes > 0 && free >= 0 && free < minFreeBytes) {
            throw new IllegalStateException("the data directory " + dir + " has " + free / MB + " MB free, less "
                    + "than kafka.minFreeDiskMb (" + minFreeBytes / MB + " MB): free some space, or point "
                    + "kafka.dataDir at a larger disk");
        }
    }

    /** Registers {@code wirewatch_data_dir_free_bytes}; each scrape also warns (once) while below the minimum. */
    public void register(MeterRegistry registry) {
        Gauge.builder("wirewatch.data.dir.free.bytes", this, DataDirSpace::observed).baseUnit("bytes")
                .description("free space in the data directory (embedded broker, Streams state, desk index)")
                .register(registry);
    }

    private double observed() {
        long free = freeBytes();
        if (minFreeBytes > 0 && free >= 0 && free < minFreeBytes) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("the data directory {} has {} MB free, less than kafka.minFreeDiskMb ({} MB): Kafka and "
                        + "Streams will fail to write when it is full", dir, free / MB, minFreeBytes / MB);
            }
        } else {
            warned.set(false);
        }
        return free;
    }
}
