package org.szmark.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Offline checks of deploy/: every YAML file parses; the kustomize base and production overlay, and the Helm
 * chart rendered by Helm with its default and production values, give objects valid by the pinned Kubernetes
 * and CloudNativePG schemas that hold what the issue and docs/performance.md ask (replicas, probes on the
 * management port, resources, security context, Secrets only referenced, a synchronous 3-instance cluster);
 * and the chart gives the same objects as the kustomize build.
 */
class ManifestsTest {

    static final Path DEPLOY = Path.of("deploy");
    static final Path CHART = DEPLOY.resolve("helm/szmark");
    final Manifests manifests = new Manifests();

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(DEPLOY)) {
            // Chart templates are Go templates, checked after rendering below.
            files = s.filter(p -> p.toString().matches(".*\\.ya?ml$") && !p.startsWith(CHART.resolve("templates"))).toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path f : files) {
            assertThat(Manifests.read(f)).as(f.toString()).isNotEmpty();
        }
    }

    @Test
    void theKustomizeBaseIsValidAndComplete() {
        List<JsonNode> objects = Manifests.kustomize(DEPLOY.resolve("kubernetes/base"));
        assertValid(objects);
        assertProductionShape(objects, 2);
    }

    @Test
    void theProductionOverlayIsValidAndOverridesTheBase() {
        List<JsonNode> objects = Manifests.kustomize(DEPLOY.resolve("kubernetes/overlays/production"));
        assertValid(objects);
        assertProductionShape(objects, 3);
        assertThat(objects).allSatisfy(o -> assertThat(o.path("kind").asText().equals("Namespace")
                || o.at("/metadata/namespace").asText().equals("szmark")).as(Manifests.id(o)).isTrue());
        JsonNode deployment = only(objects, "Deployment");
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example.org/szmark/szmark:0.1.0");
        assertThat(only(objects, "HorizontalPodAutoscaler").at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(only(objects, "Cluster").at("/spec/storage/size").asText()).isEqualTo("100Gi");
        assertThat(only(objects, "Ingress").at("/spec/rules/0/host").asText()).isEqualTo("verify.szmark.example");
        assertThat(only(objects, "ConfigMap").at("/data/SZMARK_PUBLIC_BASE_URL").asText()).isEqualTo("https://verify.szmark.example");
        // The base's other settings survive the overlay's patches.
        assertThat(only(objects, "Cluster").at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(only(objects, "ConfigMap").at("/data/QUARKUS_PROFILE").asText()).isEqualTo("production");
    }

    @Test
    void theHelmChartLintsAndRendersTheSameObjectsAsKustomize() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();

        List<JsonNode> defaults = Manifests.read(new Helm(CHART).template().withName("szmark").withNamespace("szmark").call());
        assertValid(defaults);
        assertProductionShape(defaults, 2);
        assertThat(ids(defaults)).isEqualTo(ids(Manifests.kustomize(DEPLOY.resolve("kubernetes/base"))));

        List<JsonNode> production = Manifests.read(new Helm(CHART).template().withName("szmark").withNamespace("szmark")
                .withValuesFile(CHART.resolve("values-production.yaml")).call());
        assertValid(production);
        assertProductionShape(production, 3);
        List<JsonNode> overlay = Manifests.kustomize(DEPLOY.resolve("kubernetes/overlays/production"));
        for (String pointer : List.of("/spec/template/spec/containers/0/image", "/spec/template/spec/containers/0/resources",
                "/spec/template/spec/containers/0/startupProbe", "/spec/template/spec/containers/0/readinessProbe",
                "/spec/template/spec/securityContext")) {
            assertThat(only(production, "Deployment").at(pointer)).as(pointer).isEqualTo(only(overlay, "Deployment").at(pointer));
        }
        assertThat(only(production, "Cluster").at("/spec")).isEqualTo(only(overlay, "Cluster").at("/spec"));
        assertThat(only(production, "Ingress").at("/spec")).isEqualTo(only(overlay, "Ingress").at("/spec"));
    }

    @Test
    void theChartWithoutOptionalPartsRendersWhatRemains() {
        List<JsonNode> objects = Manifests.read(new Helm(CHART).template().withName("registry")
                .set("autoscaling.enabled", false).set("ingress.enabled", false).set("networkPolicy.enabled", false).set("replicas", 4).call());
        assertValid(objects);
        assertThat(kinds(objects)).doesNotContain("HorizontalPodAutoscaler", "Ingress", "NetworkPolicy");
        assertThat(only(objects, "Deployment").at("/spec/replicas").asInt()).isEqualTo(4);
        // Named after the release: its database cluster and the operator's secret for it follow.
        assertThat(only(objects, "Cluster").at("/metadata/name").asText()).isEqualTo("registry-db");
        assertThat(secretsReferenced(only(objects, "Deployment"))).contains("registry-db-app");
    }

    @Test
    void theSchemasRejectWhatKubernetesWouldRefuse() {
        List<JsonNode> base = Manifests.kustomize(DEPLOY.resolve("kubernetes/base"));
        ObjectNode typo = only(base, "Deployment").deepCopy();
        ((ObjectNode) typo.path("spec")).put("replica", 2);
        assertThat(manifests.problems(typo)).anySatisfy(p -> assertThat(p).contains("replica"));

        ObjectNode wrongType = only(base, "Deployment").deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertThat(manifests.problems(wrongType)).isNotEmpty();

        ObjectNode badQuantity = only(base, "Deployment").deepCopy();
        ((ObjectNode) badQuantity.at("/spec/template/spec/containers/0/resources/limits")).put("memory", "768 MiB");
        assertThat(manifests.problems(badQuantity)).isNotEmpty();

        ObjectNode noContainers = only(base, "Deployment").deepCopy();
        ((ObjectNode) noContainers.at("/spec/template/spec")).remove("containers");
        assertThat(manifests.problems(noContainers)).isNotEmpty();

        ObjectNode clusterTypo = only(base, "Cluster").deepCopy();
        ((ObjectNode) clusterTypo.at("/spec/postgresql/synchronous")).put("methd", "any");
        assertThat(manifests.problems(clusterTypo)).anySatisfy(p -> assertThat(p).contains("methd"));

        ObjectNode clusterMethod = only(base, "Cluster").deepCopy();
        ((ObjectNode) clusterMethod.at("/spec/postgresql/synchronous")).put("method", "all");
        assertThat(manifests.problems(clusterMethod)).isNotEmpty();

        ObjectNode unknownKind = only(base, "ServiceAccount").deepCopy();
        unknownKind.put("kind", "Servise");
        assertThat(manifests.problems(unknownKind)).singleElement().asString().contains("no pinned schema");
    }

    @Test
    void aKustomizationThisTestCannotBuildFailsInsteadOfPassing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nconfigMapGenerator: []\n");
        assertThatThrownBy(() -> Manifests.kustomize(dir)).hasMessageContaining("configMapGenerator");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
        assertThatThrownBy(() -> Manifests.kustomize(dir)).hasMessageContaining("missing.yaml");
        Files.writeString(dir.resolve("d.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("p.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: b}\n");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [d.yaml]\npatches: [{path: p.yaml}]\n");
        assertThatThrownBy(() -> Manifests.kustomize(dir)).hasMessageContaining("matches no object");
    }

    private void assertValid(List<JsonNode> objects) {
        assertThat(objects).isNotEmpty();
        assertThat(objects.stream().flatMap(o -> manifests.problems(o).stream()).toList()).isEmpty();
    }

    /** What every build of deploy/ must hold, with its least number of registry instances. */
    private static void assertProductionShape(List<JsonNode> objects, int replicas) {
        assertThat(kinds(objects)).contains("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                "NetworkPolicy", "Ingress", "Cluster", "ConfigMap", "ServiceAccount").doesNotContain("Secret");
        JsonNode d = only(objects, "Deployment");
        assertThat(d.at("/spec/replicas").asInt()).isEqualTo(replicas).isGreaterThanOrEqualTo(2);
        assertThat(only(objects, "HorizontalPodAutoscaler").at("/spec/minReplicas").asInt()).isEqualTo(replicas);
        JsonNode pod = d.at("/spec/template/spec");
        JsonNode c = pod.at("/containers/0");
        assertThat(c.at("/ports").findValuesAsText("name")).containsExactly("http", "management");
        assertThat(c.at("/ports/1/containerPort").asInt()).isEqualTo(9000);
        assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(c.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo("management");
        }
        // docs/performance.md: peak RSS 707 MiB with a 384 MiB heap on two cores.
        assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("768Mi");
        assertThat(c.at("/resources/requests/memory").asText()).isEqualTo("768Mi");
        assertThat(c.at("/resources/limits/cpu").asText()).isEqualTo("2");
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        // Secret values never appear: every secret setting comes from a secretKeyRef or a secret volume.
        assertThat(c.path("env").findValues("value")).isEmpty();
        JsonNode cluster = only(objects, "Cluster");
        assertThat(secretsReferenced(d)).contains(cluster.at("/metadata/name").asText() + "-app", "szmark-master-key", "szmark-keys");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(cluster.at("/spec/postgresql/synchronous/number").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(cluster.at("/spec/postgresql/synchronous/dataDurability").asText()).isEqualTo("required");
        JsonNode config = only(objects, "ConfigMap");
        assertThat(config.at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText()).contains(cluster.at("/metadata/name").asText() + "-rw:5432");
        assertThat(only(objects, "Ingress").at("/spec/rules/0/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
    }

    private static Set<String> secretsReferenced(JsonNode deployment) {
        Set<String> names = deployment.findValues("secretKeyRef").stream().map(r -> r.path("name").asText()).collect(Collectors.toSet());
        deployment.findValues("secretName").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static Set<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText()).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<JsonNode> objects) {
        return objects.stream().filter(o -> !o.path("kind").asText().equals("Namespace")).map(Manifests::id).collect(Collectors.toSet());
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }
}
