package dev.wirewatch.alerts.file;

import dev.wirewatch.alerts.Alert;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.RoutedSink;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.model.json.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each alert as one JSON object per line (JSONL), flushed to disk before delivery counts as done.
 *
 * <p>Not thread safe; used by the alert service's delivery thread.
 */
public final class FileSink extends RoutedSink {

    private final Path path;

    public FileSink(String id, SinkRoute route, Path path) {
        super(id, route);
        this.path = path;
    }

    @Override
    public void deliver(AlertBatch batch) throws DeliveryException {
        try {
            StringBuilder lines = new StringBuilder();
            for (Alert alert : batch.alerts()) {
                lines.append(Json.mapper().writeValueAsString(alert)).append('\n');
            }
            byte[] line = lines.toString().getBytes(StandardCharsets.UTF_8);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(line));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new DeliveryException("cannot append to " + path + ": " + e.getMessage(), e);
        }
    }
}
