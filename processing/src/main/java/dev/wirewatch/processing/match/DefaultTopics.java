package dev.wirewatch.processing.match;

import dev.wirewatch.config.ConfigException;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.TrackedTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The topics Wirewatch ships with ({@code su-35}, {@code c-130}, {@code ruble-payments}), read from the bundled
 * {@code wirewatch-default-topics.yml}.
 */
public final class DefaultTopics {

    /** The class-path resource holding them. */
    public static final String RESOURCE = "/wirewatch-default-topics.yml";

    private DefaultTopics() {
    }

    public static List<TrackedTopic> load() {
        try (InputStream in = DefaultTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ConfigLoader.parse(yaml, RESOURCE, name -> null, TopicMatcher.QUERY_CHECK)
                    .topics();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (ConfigException e) {
            throw new IllegalStateException("the shipped topics are invalid:\n" + e.getMessage(), e);
        }
    }
}
