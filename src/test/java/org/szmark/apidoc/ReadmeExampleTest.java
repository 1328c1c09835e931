package org.szmark.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.apidoc.ReadmeScript.Curl;
import org.szmark.apidoc.ReadmeScript.Step;
import org.szmark.support.Api;

/**
 * Runs README.md's worked example, request by request, against the test registry and checks every status it
 * promises, so the README cannot drift from the API. {@code REGISTRY} and {@code AUTHORITY} are the two values
 * a reader fills in; here they are the test registry and its bootstrap token.
 */
@QuarkusTest
class ReadmeExampleTest {

    static final String SECTION = "## Worked example: from an empty registry to a scanned label";

    @TestHTTPResource("/") URI registry;
    @Inject ObjectMapper json;

    @Test
    void theWorkedExampleRunsAsWritten() throws Exception {
        List<Step> steps = ReadmeScript.parse(ReadmeScript.section(Files.readString(Path.of("README.md")), SECTION));
        Map<String, String> vars = new HashMap<>();
        Map<String, String> given = Map.of("REGISTRY", registry.toString().replaceAll("/$", ""), "AUTHORITY", Api.AUTHORITY_TOKEN);
        HttpClient http = HttpClient.newHttpClient();
        Path out = Files.createTempDirectory("readme");
        List<String> ran = new ArrayList<>();
        HttpResponse<byte[]> last = null;
        for (Step s : steps) {
            if (s.curl() == null) {
                String value = s.suffixOf() != null ? suffix(vars, s.suffixOf()) : given.getOrDefault(s.variable(), s.value());
                vars.put(s.variable(), value);
                continue;
            }
            Curl c = s.curl();
            String url = ReadmeScript.expand(c.url(), vars);
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url))
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(ReadmeScript.expand(c.body(), vars), StandardCharsets.UTF_8));
            c.headers().forEach((k, v) -> r.header(k, ReadmeScript.expand(v, vars)));
            last = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            String answer = new String(last.body(), StandardCharsets.UTF_8);
            assertThat(last.statusCode()).as("%s\nanswered %s", s.text(), answer).isEqualTo(s.expectedStatus());
            ran.add(c.method() + " " + url.substring(given.get("REGISTRY").length()));
            if (c.output() != null) Files.write(out.resolve(c.output()), last.body());
            if (s.variable() != null) {
                JsonNode v = json.readTree(last.body());
                for (String member : s.jqPath().substring(1).split("\\.")) v = v.path(member);
                assertThat(v.isValueNode()).as("%s of %s", s.jqPath(), answer).isTrue();
                vars.put(s.variable(), v.asText());
            }
        }
        // The example keeps every step from an empty registry to a verified label.
        assertThat(ran).anyMatch(r -> r.equals("POST /api/v1/standards"))
                .anyMatch(r -> r.equals("POST /api/v1/bodies"))
                .anyMatch(r -> r.matches("POST /api/v1/bodies/\\w+/accounts"))
                .anyMatch(r -> r.equals("POST /api/v1/enterprises"))
                .anyMatch(r -> r.matches("POST /api/v1/enterprises/\\w+/products"))
                .anyMatch(r -> r.equals("POST /api/v1/certificates"))
                .anyMatch(r -> r.matches("GET /api/v1/certificates/[\\w-]+/qr\\.png"));
        assertThat(ran.get(ran.size() - 1)).startsWith("GET /api/v1/verify/");
        assertThat(json.readTree(last.body()).path("verdict").asText()).isEqualTo("VALID");
        byte[] png = Files.readAllBytes(out.resolve("label.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    private static String suffix(Map<String, String> vars, String name) {
        String v = vars.get(name);
        if (v == null) throw new IllegalArgumentException("$" + name + " is used before it is set");
        return v.substring(v.lastIndexOf('/') + 1);
    }
}
