package org.szmark.apidoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.apidoc.ReadmeScript.Step;

/** The README's shell is read as written, and whatever the README test could not run is refused, not skipped. */
class ReadmeScriptTest {

    static String block(String body) {
        return "\n## Example\n\nText.\n\n```sh\n" + body + "```\n\n## Next\n\n```sh\ncurl -s http://elsewhere\n```\n";
    }

    @Test
    void readsRequestsCapturesAndAssignmentsWithTheirStatuses() {
        List<Step> steps = ReadmeScript.parse(ReadmeScript.section(block("""
                REGISTRY=http://localhost:8080
                AUTHORITY=szmk_...   # the token the first start printed
                # the reader's comment, with an apostrophe's "quotes"
                curl -s -X POST "$REGISTRY/api/v1/bodies" -H "Authorization: Bearer $AUTHORITY" \\
                  -H 'Content-Type: application/json' -d '{
                    "code": "SZQC",
                    "note": "costs $5"
                  }'
                # → 201, the body
                T=$(curl -s "$REGISTRY/api/v1/x" \\
                  | jq -r .a.b)
                # → 200
                S=${T##*/}
                curl -s -o label.png "$REGISTRY/api/v1/certificates/$S/qr.png"
                # → 200
                """), "## Example"));
        assertThat(steps).hasSize(6);
        assertThat(steps.get(0).variable()).isEqualTo("REGISTRY");
        assertThat(steps.get(1).value()).isEqualTo("szmk_...");
        Step post = steps.get(2);
        assertThat(post.curl().method()).isEqualTo("POST");
        assertThat(post.curl().headers()).containsEntry("Content-Type", "application/json")
                .containsEntry("Authorization", "Bearer $AUTHORITY");
        assertThat(post.expectedStatus()).isEqualTo(201);
        Map<String, String> vars = Map.of("REGISTRY", "http://r", "AUTHORITY", "szmk_t");
        assertThat(ReadmeScript.expand(post.curl().body(), vars)).contains("\"code\": \"SZQC\"").contains("costs $5");
        assertThat(ReadmeScript.expand(post.curl().url(), vars)).isEqualTo("http://r/api/v1/bodies");
        assertThat(steps.get(3).variable()).isEqualTo("T");
        assertThat(steps.get(3).jqPath()).isEqualTo(".a.b");
        assertThat(steps.get(3).curl().method()).isEqualTo("GET");
        assertThat(steps.get(4).suffixOf()).isEqualTo("T");
        assertThat(steps.get(5).curl().output()).isEqualTo("label.png");
    }

    @Test
    void refusesWhatItCannotRun() {
        for (String bad : List.of(
                "curl -s http://r/x\n",                                  // no expected status
                "# → 200\n",                                             // a status after nothing
                "curl -s http://r/x\n# → 200\n# → 201\n",                // two statuses for one request
                "X=1\n# → 200\n",                                        // a status after an assignment
                "wget http://r/x\n# → 200\n",                            // another program
                "curl -s --json '{}' http://r/x\n# → 200\n",             // an option it does not know
                "curl -s http://r/x http://r/y\n# → 200\n",              // two URLs
                "curl -s -H 'NoColon' http://r/x\n# → 200\n",            // a malformed header
                "curl -s -d '{\"a\": 1 http://r/x\n# → 200\n",            // an unclosed quote
                "export X=1\n",                                          // a shell statement
                "X=$(curl -s http://r/x | jq .a)\n# → 200\n")) {         // jq without -r
            assertThatThrownBy(() -> ReadmeScript.parse(ReadmeScript.section(block(bad), "## Example")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unsetVariablesAreErrorsAndSingleQuotesKeepDollars() {
        assertThatThrownBy(() -> ReadmeScript.expand("$NOPE/x", Map.of())).hasMessageContaining("$NOPE");
        assertThat(ReadmeScript.expand(ReadmeScript.words("'$A' \"$A\" ${A}b").toString(), Map.of("A", "v")))
                .isEqualTo("[$A, v, vb]");
        assertThatThrownBy(() -> ReadmeScript.section("# Other\n", "## Example")).isInstanceOf(IllegalArgumentException.class);
    }
}
