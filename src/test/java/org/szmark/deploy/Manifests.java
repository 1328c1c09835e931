package org.szmark.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the manifests under deploy/ and checks Kubernetes objects against the JSON schemas pinned in
 * src/test/resources/deploy-schemas (their README says where they come from). Builds a kustomization the
 * way kustomize does for the fields deploy/kubernetes uses, and refuses any other field, so a kustomization
 * this cannot build fails the test instead of passing unchecked.
 */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> SCHEMA_FILES = List.of("kubernetes.json", "cloudnative-pg.json");
    private static final Set<String> KUSTOMIZATION_FIELDS =
            Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches", "labels");

    private final Map<String, JsonSchema> schemas = new HashMap<>();

    Manifests() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        for (String file : SCHEMA_FILES) {
            try (InputStream in = Manifests.class.getResourceAsStream("/deploy-schemas/" + file)) {
                ObjectNode document = (ObjectNode) new ObjectMapper().readTree(in);
                ObjectNode kinds = (ObjectNode) document.remove("kinds");
                kinds.fields().forEachRemaining(kind -> {
                    // One schema per kind: the whole document, entered at that kind's definition.
                    ObjectNode entry = document.deepCopy();
                    entry.put("$ref", kind.getValue().asText());
                    schemas.put(kind.getKey(), factory.getSchema(entry));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every YAML document of a file (empty documents left out). */
    static List<JsonNode> read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<JsonNode> read(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) out.add(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return out;
    }

    static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    /** What is wrong with the object by its kind's schema: empty when it is valid; a kind without a schema is wrong. */
    List<String> problems(JsonNode object) {
        JsonSchema schema = schemas.get(key(object));
        if (schema == null) return List.of(id(object) + ": no pinned schema for " + key(object));
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : schema.validate(object)) out.add(id(object) + ": " + m.getMessage());
        return new ArrayList<>(out);
    }

    /** The objects a kustomization directory builds to, in the order of its resources. */
    static List<JsonNode> kustomize(Path dir) {
        JsonNode k = read(dir.resolve("kustomization.yaml")).get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!KUSTOMIZATION_FIELDS.contains(f)) throw new IllegalArgumentException(dir + ": kustomization field " + f + " is not built here");
        });
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            objects.addAll(Files.isDirectory(p) ? kustomize(p) : read(p));
        }
        for (JsonNode pair : k.path("labels")) {
            if (pair.has("includeSelectors")) throw new IllegalArgumentException("labels.includeSelectors is not built here");
            objects.forEach(o -> ((ObjectNode) o.path("metadata")).with("labels").setAll((ObjectNode) pair.path("pairs")));
        }
        for (JsonNode p : k.path("patches")) {
            if (p.has("path")) {
                for (JsonNode patch : read(dir.resolve(p.path("path").asText()))) merge(target(objects, key(patch), id(patch)), patch);
            } else {
                JsonNode t = p.path("target");
                JsonNode into = objects.stream().filter(o -> o.path("kind").asText().equals(t.path("kind").asText())
                        && o.path("metadata").path("name").asText().equals(t.path("name").asText())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no object for patch target " + t));
                // A root-level sequence reads as one value per element: here, one per operation.
                for (JsonNode op : read(p.path("patch").asText())) replace(into, op);
            }
        }
        if (k.has("namespace")) {
            objects.stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
                    .forEach(o -> ((ObjectNode) o.path("metadata")).put("namespace", k.path("namespace").asText()));
        }
        for (JsonNode image : k.path("images")) {
            for (JsonNode o : objects) {
                for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
                    if (c.path("image").asText().replaceFirst(":[^:/]*$", "").equals(image.path("name").asText())) {
                        ((ObjectNode) c).put("image", image.path("newName").asText() + ":" + image.path("newTag").asText());
                    }
                }
            }
        }
        return objects;
    }

    private static JsonNode target(List<JsonNode> objects, String key, String id) {
        return objects.stream().filter(o -> key(o).equals(key) && id(o).equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("patch for " + id + " matches no object"));
    }

    /** Strategic merge as kustomize does it for maps; this builds no list merge, so a patch with a list is refused. */
    private static void merge(JsonNode into, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = into.get(e.getKey());
            if (e.getValue() instanceof ArrayNode) throw new IllegalArgumentException("list merge of " + e.getKey() + " is not built here");
            if (old instanceof ObjectNode && e.getValue() instanceof ObjectNode) merge(old, e.getValue());
            else ((ObjectNode) into).set(e.getKey(), e.getValue().deepCopy());
        }
    }

    /** RFC 6902 "replace" (the only operation deploy/kubernetes uses): the path must exist. */
    private static void replace(JsonNode into, JsonNode op) {
        if (!op.path("op").asText().equals("replace")) throw new IllegalArgumentException("JSON patch op " + op.path("op") + " is not built here");
        String path = op.path("path").asText();
        int cut = path.lastIndexOf('/');
        JsonNode parent = into.at(path.substring(0, cut));
        String last = path.substring(cut + 1);
        if (parent instanceof ArrayNode a && last.matches("\\d+") && Integer.parseInt(last) < a.size()) a.set(Integer.parseInt(last), op.path("value"));
        else if (parent instanceof ObjectNode o && o.has(last)) o.set(last, op.path("value"));
        else throw new IllegalArgumentException("JSON patch path " + path + " does not exist");
    }
}
