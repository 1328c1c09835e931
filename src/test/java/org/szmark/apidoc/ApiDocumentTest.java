package org.szmark.apidoc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API document at /q/openapi is one a newcomer can work from: every operation has an id, a summary, a
 * description and a declared tag; every JSON request and answer has an example that fits its schema (request
 * examples also bind to the Java request type and pass its validation); no schema name carries a collision
 * suffix; and every operation that needs a token says so, with the roles its {@code @RolesAllowed} admits,
 * while public ones ask for none.
 */
@QuarkusTest
class ApiDocumentTest {

    static final String JSON = "application/json";
    static final java.nio.file.Path EXAMPLES = Paths.get("src/main/resources", ApiExamples.FOLDER);

    @Inject ObjectMapper json;
    @Inject Validator validator;

    JsonNode document;

    /** One operation of the document: where it is and what it says. */
    record Op(String method, String path, JsonNode node) {
        String id() {
            return node.path("operationId").asText(method + " " + path);
        }
    }

    @BeforeEach
    void read() throws IOException {
        document = json.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asByteArray());
    }

    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(m.getKey())) {
                ops.add(new Op(m.getKey().toUpperCase(), p.getKey(), m.getValue()));
            }
        }));
        return ops;
    }

    @Test
    void everyOperationHasAnIdSummaryDescriptionAndDeclaredTag() {
        Set<String> declared = new HashSet<>();
        for (JsonNode t : document.path("tags")) {
            assertThat(t.path("description").asText()).as("description of tag %s", t.path("name").asText()).isNotBlank();
            declared.add(t.path("name").asText());
        }
        List<Op> ops = operations();
        assertThat(ops).hasSizeGreaterThan(60);
        Set<String> ids = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (Op op : ops) {
            String where = op.method() + " " + op.path();
            if (!op.node().hasNonNull("operationId")) missing.add(where + ": operationId");
            else if (!ids.add(op.id())) missing.add(where + ": operationId " + op.id() + " used twice");
            if (op.node().path("summary").asText().isBlank()) missing.add(where + ": summary");
            if (op.node().path("description").asText().length() < 30) missing.add(where + ": description");
            if (op.node().path("tags").isEmpty()) missing.add(where + ": tag");
            for (JsonNode tag : op.node().path("tags")) {
                if (!declared.contains(tag.asText())) missing.add(where + ": undeclared tag " + tag.asText());
            }
        }
        assertThat(missing).as("operations lacking documentation").isEmpty();
    }

    @Test
    void everyJsonRequestAndAnswerHasAnExampleThatFitsItsSchema() {
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (Op op : operations()) {
            JsonNode request = op.node().path("requestBody").path("content").path(JSON);
            if (!request.isMissingNode()) {
                JsonNode example = exampleOf(request);
                if (example == null) problems.add(op.id() + ": no request example");
                else {
                    examples++;
                    fits(op.id() + " request", example, request.path("schema"), problems);
                }
            }
            Iterator<Map.Entry<String, JsonNode>> responses = op.node().path("responses").fields();
            while (responses.hasNext()) {
                Map.Entry<String, JsonNode> r = responses.next();
                JsonNode content = r.getValue().path("content").path(r.getKey().startsWith("2") ? JSON : "application/problem+json");
                if (content.isMissingNode()) continue;
                JsonNode example = exampleOf(content);
                if (example == null) {
                    if (r.getKey().startsWith("2")) problems.add(op.id() + ": no example of the " + r.getKey() + " answer");
                } else {
                    examples++;
                    fits(op.id() + " " + r.getKey(), example, content.path("schema"), problems);
                }
            }
        }
        assertThat(problems).as("missing or misfit examples").isEmpty();
        assertThat(examples).isGreaterThan(50);
    }

    /** A request example binds to the resource method's entity parameter as the API reads it, and is valid. */
    @Test
    void requestExamplesBindToTheirRequestTypesAndAreValid() throws Exception {
        Map<String, Method> methods = resourceMethods();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Op op : operations()) {
            JsonNode example = exampleOf(op.node().path("requestBody").path("content").path(JSON));
            if (example == null) continue;
            Method m = methods.get(op.method() + " " + op.path());
            assertThat(m).as("resource method of %s %s", op.method(), op.path()).isNotNull();
            Parameter entity = entityParameter(m);
            assertThat(entity).as("request body parameter of %s", m).isNotNull();
            Object bound;
            try {
                bound = json.treeToValue(example, entity.getType());
            } catch (IOException e) {
                problems.add(op.id() + ": " + e.getMessage());
                continue;
            }
            for (ConstraintViolation<Object> v : validator.validate(bound)) {
                problems.add(op.id() + ": " + v.getPropertyPath() + " " + v.getMessage());
            }
            checked++;
        }
        assertThat(problems).as("request examples the API would refuse").isEmpty();
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void noSchemaNameEndsInADigit() {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("CertificateStatusRequest", "BodyStatusRequest", "Problem")
                .filteredOn(n -> Character.isDigit(n.charAt(n.length() - 1))).isEmpty();
    }

    /**
     * Operations behind {@code @RolesAllowed} require the bearer scheme with exactly those roles; others require
     * nothing, or offer the token as one alternative beside none (a listing that a token narrows).
     */
    @Test
    void operationsNeedingATokenSayWhichRolesAndPublicOnesNone() throws Exception {
        JsonNode scheme = document.path("components").path("securitySchemes").path(ApiDocument.BEARER);
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        Map<String, Method> methods = resourceMethods();
        List<String> problems = new ArrayList<>();
        int protectedOps = 0;
        for (Op op : operations()) {
            Method m = methods.get(op.method() + " " + op.path());
            if (m == null) {
                problems.add(op.method() + " " + op.path() + ": no resource method found");
                continue;
            }
            RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                    : m.getDeclaringClass().getAnnotation(RolesAllowed.class);
            JsonNode security = op.node().path("security");
            if (roles != null) {
                protectedOps++;
                Set<String> required = new TreeSet<>();
                boolean optional = false;
                for (JsonNode requirement : security) {
                    if (requirement.isEmpty()) optional = true;
                    requirement.path(ApiDocument.BEARER).forEach(r -> required.add(r.asText()));
                }
                if (optional || !security.isArray() || security.isEmpty()) problems.add(op.id() + ": needs a token, declares none");
                else if (!required.equals(new TreeSet<>(List.of(roles.value())))) {
                    problems.add(op.id() + ": declares roles " + required + ", admits " + List.of(roles.value()));
                }
            } else if (!security.isMissingNode()) {
                boolean optional = false;
                for (JsonNode requirement : security) optional |= requirement.isEmpty();
                if (!optional) problems.add(op.id() + ": public, but declares " + security);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(protectedOps).isGreaterThan(30);
    }

    /** Each file under openapi/examples names an operation that has it, so none is silently left out. */
    @Test
    void everyExampleFileBelongsToAnOperation() throws IOException {
        Map<String, Op> byId = new HashMap<>();
        operations().forEach(op -> byId.put(op.id(), op));
        List<String> orphans = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(EXAMPLES)) {
            for (java.nio.file.Path f : files.toList()) {
                String[] parts = f.getFileName().toString().split("\\.");
                Op op = parts.length == 3 && parts[2].equals("json") ? byId.get(parts[0]) : null;
                if (op == null) {
                    orphans.add(f.getFileName() + ": no such operation");
                } else if (parts[1].equals("request")) {
                    if (op.node().path("requestBody").path("content").path(JSON).path("example").isMissingNode()) {
                        orphans.add(f.getFileName() + ": the operation takes no JSON body");
                    }
                } else if (op.node().path("responses").path(parts[1]).isMissingNode()) {
                    orphans.add(f.getFileName() + ": the operation has no " + parts[1] + " answer");
                }
            }
        }
        assertThat(orphans).isEmpty();
    }

    private static JsonNode exampleOf(JsonNode mediaType) {
        if (mediaType.hasNonNull("example")) return mediaType.get("example");
        Iterator<JsonNode> named = mediaType.path("examples").elements();
        return named.hasNext() ? named.next().path("value") : null;
    }

    /**
     * Whether every member of the example is a property of the schema, recursively through references, arrays
     * and objects, and required properties are present. Types of leaves are left to the binding test.
     */
    private void fits(String where, JsonNode example, JsonNode schema, List<String> problems) {
        schema = resolve(schema);
        if (example.isArray()) {
            JsonNode items = schema.path("items");
            if (!items.isMissingNode()) example.forEach(e -> fits(where + "[]", e, items, problems));
            return;
        }
        if (!example.isObject()) return;
        JsonNode properties = schema.path("properties");
        if (properties.isMissingNode()) return; // a map or a free-form object
        example.fieldNames().forEachRemaining(name -> {
            if (!properties.has(name)) problems.add(where + ": member " + name + " is not in the schema");
            else fits(where + "." + name, example.get(name), properties.get(name), problems);
        });
        for (JsonNode r : schema.path("required")) {
            if (!example.has(r.asText())) problems.add(where + ": required member " + r.asText() + " missing");
        }
    }

    private JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asText();
            schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        // 3.1 documents may wrap a reference with siblings in allOf/anyOf; the first branch is the type.
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.path("properties").isMissingNode() && schema.path(combinator).isArray()) {
                for (JsonNode branch : schema.path(combinator)) {
                    if (!branch.path("type").asText().equals("null")) return resolve(branch);
                }
            }
        }
        return schema;
    }

    /** The JAX-RS methods of the application's resource classes, by "METHOD /path" as the document writes it. */
    static Map<String, Method> resourceMethods() throws IOException, ClassNotFoundException {
        Map<String, Method> byRoute = new HashMap<>();
        java.nio.file.Path classes = Paths.get("target/classes");
        List<java.nio.file.Path> files;
        try (Stream<java.nio.file.Path> walk = Files.walk(classes.resolve("org/szmark"))) {
            files = walk.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList();
        }
        for (java.nio.file.Path f : files) {
            String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> c = Class.forName(name, false, ApiDocumentTest.class.getClassLoader());
            Path base = c.getAnnotation(Path.class);
            if (base == null) continue;
            for (Method m : c.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) continue;
                Path sub = m.getAnnotation(Path.class);
                byRoute.put(http + " " + route(base.value(), sub == null ? "" : sub.value()), m);
            }
        }
        return byRoute;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) return h.value();
        }
        return null;
    }

    /** {@code /{prefix: v|V}} and {@code {token}} → {@code /{prefix}/{token}}, as SmallRye names paths. */
    static String route(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Parameter entityParameter(Method m) {
        for (Parameter p : m.getParameters()) {
            boolean bound = false;
            for (Class<? extends Annotation> a : List.of(PathParam.class, QueryParam.class, HeaderParam.class, BeanParam.class,
                    Context.class, CookieParam.class, FormParam.class, MatrixParam.class)) {
                bound |= p.isAnnotationPresent(a);
            }
            if (!bound) return p;
        }
        return null;
    }
}
