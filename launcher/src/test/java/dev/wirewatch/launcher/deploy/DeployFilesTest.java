package dev.wirewatch.launcher.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.wirewatch.config.ConfigLoader;
import dev.wirewatch.config.WirewatchConfig;
import dev.wirewatch.processing.match.DefaultTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/ as files a machine reads: the compose stack, the Kubernetes manifests, the dashboard and the Prometheus
 * files parse and hang together (paths exist, names match, the config validates). Running them needs Docker and a
 * cluster, which the build does not have.
 */
class DeployFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DEPLOY = PromQl.DEPLOY;
    private static final Map<String, String> ENV = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T/B/x",
            "WIREWATCH_DESK_EDITOR_HASH", "$2y$10$" + "x".repeat(53),
            "WIREWATCH_DESK_API_TOKEN", "a-token-of-sixteen-or-more");

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }

    @Test
    void composeRunsKafkaTheThreeServicesFromOneImagePrometheusAndGrafana() throws IOException {
        JsonNode compose = YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        Set<String> names = new HashSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("kafka", "ingest", "process", "alert", "desk", "prometheus", "grafana"), names);
        assertTrue(services.get("kafka").get("image").asText().startsWith("apache/kafka:"));
        assertEquals("broker,controller", services.get("kafka").get("environment").get("KAFKA_PROCESS_ROLES").asText());
        for (String service : List.of("ingest", "process", "alert", "desk")) {
            JsonNode s = services.get(service);
            assertEquals("deploy/Dockerfile", s.get("build").get("dockerfile").asText(), service);
            assertEquals("wirewatch:latest", s.get("image").asText(), service);
            assertEquals(service, s.get("command").get(0).asText());
        }
        services.forEach(s -> {
            if (s.has("volumes")) {
                s.get("volumes").forEach(v -> {
                    String host = v.asText().split(":")[0];
                    if (host.startsWith("./")) {
                        assertTrue(Files.exists(DEPLOY.resolve(host)), "compose mounts missing " + host);
                    }
                });
            }
        });
    }

    @Test
    void dockerfileBuildsWithTheWrapperInOneStageAndRunsTheJarInAnother() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
        assertEquals(2, lines.stream().filter(l -> l.startsWith("FROM ")).count());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN --mount=type=cache,target=/root/.m2 ./mvnw")),
                "the Maven repository is cached between builds");
        int lib = indexOf(lines, "launcher/target/lib");
        int jar = indexOf(lines, "launcher/target/wirewatch.jar");
        assertTrue(lib >= 0 && jar > lib, "libraries in a layer below the application jar");
        assertTrue(lines.stream().anyMatch(l -> l.contains("org.opencontainers.image.version")), "OCI labels");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("USER ")), "not root at runtime");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void composeAndKubernetesConfigsValidateAndTrackTheShippedTopics() throws Exception {
        WirewatchConfig compose = ConfigLoader.load(DEPLOY.resolve("compose/wirewatch.yml"), ENV::get);
        assertEquals(DefaultTopics.load(), compose.topics());
        assertEquals("0.0.0.0", compose.metrics().bindAddress());
        JsonNode configMap = documents(DEPLOY.resolve("k8s/configmap.yaml")).get(0);
        Path extracted = Files.createTempFile("k8s-config", ".yml");
        Files.writeString(extracted, configMap.get("data").get("wirewatch.yml").asText());
        WirewatchConfig k8s = ConfigLoader.load(extracted, ENV::get);
        assertEquals(DefaultTopics.load(), k8s.topics());
        assertEquals("kafka:9092", k8s.kafka().bootstrapServers());
        WirewatchConfig composeDesk = ConfigLoader.load(DEPLOY.resolve("compose/desk.yml"), ENV::get);
        assertEquals("0.0.0.0", composeDesk.desk().bindAddress());
        assertEquals(1, composeDesk.desk().users().size());
        assertEquals(compose.alerts().sinks(), composeDesk.alerts().sinks(), "the desk knows the same sinks");
        Path deskFile = Files.createTempFile("k8s-desk", ".yml");
        Files.writeString(deskFile, configMap.get("data").get("desk.yml").asText());
        WirewatchConfig k8sDesk = ConfigLoader.load(deskFile, ENV::get);
        assertEquals(k8s.alerts().sinks(), k8sDesk.alerts().sinks(), "the desk knows the same sinks");
        assertEquals(1, k8sDesk.desk().apiTokens().size());
    }

    @Test
    void theDeskIsPublishedOnLoopbackInComposeAndOnlyInsideTheClusterInKubernetes() throws IOException {
        JsonNode desk = YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile()).get("services").get("desk");
        assertEquals("127.0.0.1:8080:8080", desk.get("ports").get(0).asText());
        JsonNode service = documents(DEPLOY.resolve("k8s/desk.yaml")).get(1);
        assertEquals("ClusterIP", service.get("spec").get("type").asText());
    }

    @Test
    void kubernetesDeploymentsProbeHealthMountTheConfigAndReferenceExistingSecrets() throws IOException {
        Set<String> secretKeys = new HashSet<>();
        documents(DEPLOY.resolve("k8s/secret.example.yaml")).get(0).get("stringData").fieldNames()
                .forEachRemaining(secretKeys::add);
        Set<String> deployments = new HashSet<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (JsonNode doc : documents(file)) {
                    assertNotNull(doc.get("apiVersion"), file + ": apiVersion");
                    assertNotNull(doc.get("kind"), file + ": kind");
                    assertFalse(doc.path("metadata").path("name").asText().isEmpty(), file + ": metadata.name");
                    if (doc.get("kind").asText().equals("Deployment") || doc.get("kind").asText().equals("StatefulSet")) {
                        deployments.add(doc.get("metadata").get("name").asText());
                        checkDeployment(file, doc, secretKeys);
                        checkRestricted(file, doc);
                    }
                }
            }
        }
        assertEquals(Set.of("wirewatch-ingest", "wirewatch-processing", "wirewatch-alerts", "wirewatch-desk"),
                deployments);
    }

    /** The Kubernetes "restricted" pod security level, and the Slack secret only where sinks are configured. */
    private static void checkRestricted(Path file, JsonNode workload) {
        JsonNode spec = workload.get("spec").get("template").get("spec");
        assertTrue(spec.get("securityContext").get("runAsNonRoot").asBoolean(), file + ": runAsNonRoot");
        assertEquals("RuntimeDefault", spec.get("securityContext").get("seccompProfile").get("type").asText(),
                file + ": seccomp");
        for (JsonNode container : spec.get("containers")) {
            JsonNode sc = container.get("securityContext");
            assertFalse(sc.get("allowPrivilegeEscalation").asBoolean(true), file + ": allowPrivilegeEscalation");
            assertEquals("[\"ALL\"]", sc.get("capabilities").get("drop").toString(), file + ": capabilities");
            boolean slack = container.path("env").findValues("key").stream()
                    .anyMatch(k -> k.asText().equals("slack-webhook-url"));
            String name = workload.get("metadata").get("name").asText();
            assertEquals(name.equals("wirewatch-alerts") || name.equals("wirewatch-desk"), slack,
                    file + ": the Slack secret goes only to the pods that deliver or replay alerts");
        }
    }

    @Test
    void processingIsAStatefulSetWithItsOwnVolumeAndReadsTheConfigWithoutSinks() throws Exception {
        JsonNode processing = documents(DEPLOY.resolve("k8s/processing.yaml")).get(0);
        assertEquals("StatefulSet", processing.get("kind").asText());
        assertEquals("state", processing.get("spec").get("volumeClaimTemplates").get(0).get("metadata").get("name")
                .asText());
        JsonNode configMap = documents(DEPLOY.resolve("k8s/configmap.yaml")).get(0).get("data");
        Path whole = Files.createTempFile("k8s-whole", ".yml");
        Files.writeString(whole, configMap.get("wirewatch.yml").asText());
        Path pipeline = Files.createTempFile("k8s-pipeline", ".yml");
        Files.writeString(pipeline, configMap.get("pipeline.yml").asText());
        WirewatchConfig a = ConfigLoader.load(whole, ENV::get);
        WirewatchConfig b = ConfigLoader.load(pipeline, Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")::get);
        assertEquals(a.kafka(), b.kafka());
        assertEquals(a.feeds(), b.feeds());
        assertEquals(a.topics(), b.topics());
        assertEquals(a.processing(), b.processing());
        assertEquals(a.ingest(), b.ingest());
        assertFalse(configMap.get("pipeline.yml").asText().contains("SLACK"), "no sinks' secrets in pipeline.yml");
    }

    private static void checkDeployment(Path file, JsonNode deployment, Set<String> secretKeys) {
        JsonNode spec = deployment.get("spec").get("template").get("spec");
        JsonNode container = spec.get("containers").get(0);
        String selected = deployment.get("spec").get("selector").get("matchLabels").get("app.kubernetes.io/name")
                .asText();
        assertEquals(selected, deployment.get("spec").get("template").get("metadata").get("labels")
                .get("app.kubernetes.io/name").asText(), file + ": the selector matches the pod labels");
        assertEquals("/health", container.get("readinessProbe").get("httpGet").get("path").asText(), file.toString());
        assertEquals("/health/live", container.get("livenessProbe").get("httpGet").get("path").asText(),
                file.toString());
        assertEquals(9404, container.get("ports").get(0).get("containerPort").asInt(), file.toString());
        assertEquals("/etc/wirewatch/wirewatch.yml", container.get("args").get(2).asText(), file.toString());
        assertEquals("wirewatch-config", spec.get("volumes").get(0).get("configMap").get("name").asText());
        container.get("env").forEach(env -> {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                assertEquals("wirewatch-secrets", ref.get("name").asText(), file.toString());
                assertTrue(secretKeys.contains(ref.get("key").asText()), file + ": no secret key " + ref);
            }
        });
    }

    @Test
    void dashboardPanelsQueryPrometheusAndPrometheusLoadsTheRules() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DEPLOY.resolve("grafana/dashboards/wirewatch.json")
                .toFile());
        JsonNode datasource = YAML.readTree(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml")
                .toFile()).get("datasources").get(0);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertTrue(ids.add(panel.get("id").asInt()), "panel ids are unique");
            assertEquals(datasource.get("uid").asText(), panel.get("datasource").get("uid").asText());
            assertFalse(panel.get("targets").isEmpty(), panel.get("title").asText());
        }
        assertEquals(19, PromQl.dashboardExpressions().size());
        JsonNode prometheus = YAML.readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile());
        prometheus.get("rule_files").forEach(f -> assertTrue(Files.exists(DEPLOY.resolve("prometheus")
                .resolve(f.asText())), "rule file " + f));
        assertEquals(12, PromQl.ruleExpressions().size());
    }
}
