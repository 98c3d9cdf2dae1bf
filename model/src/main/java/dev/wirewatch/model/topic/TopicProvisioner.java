package dev.wirewatch.model.topic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates Wirewatch's topics when they do not exist yet; existing topics are left as they are.
 *
 * <p>Not thread safe; call once at start-up.
 */
public final class TopicProvisioner {

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates the missing topics of {@code topics} with {@code partitions} partitions and the cluster's default
     * replication factor.
     *
     * @throws IllegalStateException when the broker cannot be reached or refuses, naming the topics
     */
    public void ensure(List<Topic<?, ?>> topics, int partitions) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), Optional.of(partitions), Optional.empty())
                            .configs(t.retention() == null ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanupPolicy())
                                    : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanupPolicy(),
                                            TopicConfig.RETENTION_MS_CONFIG,
                                            String.valueOf(t.retention().toMillis()))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                return; // another instance created them between our list and create
            }
            throw new IllegalStateException("cannot create topics " + topics.stream().map(Topic::name).toList()
                    + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.toString()), e);
        }
    }
}
