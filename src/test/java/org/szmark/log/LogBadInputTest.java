package org.szmark.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.szmark.log.merkle.EntryBundleId;
import org.szmark.log.merkle.TileId;
import org.szmark.support.Api;

/** Every malformed or out-of-range request to the log is a 4xx problem, never a 5xx. */
@QuarkusTest
class LogBadInputTest {

    @Inject LogService log;

    record Case(String path, int status, String field) {}

    /** Some entries, so that the cases below lie on both sides of the tree's edge. */
    @BeforeEach
    void aFewEntries() {
        Api.Issuer i = Api.newIssuer();
        while (log.treeSize() < 3) {
            i.issue();
        }
    }

    @Test
    void proofParameters() {
        long size = log.treeSize();
        List<Case> cases = List.of(
                new Case("/api/v1/log/inclusion", 400, "index"),
                new Case("/api/v1/log/inclusion?index=0", 400, "size"),
                new Case("/api/v1/log/inclusion?size=1", 400, "index"),
                new Case("/api/v1/log/inclusion?index=&size=1", 400, "index"),
                new Case("/api/v1/log/inclusion?index=-1&size=1", 400, "index"),
                new Case("/api/v1/log/inclusion?index=0&size=-1", 400, "size"),
                new Case("/api/v1/log/inclusion?index=abc&size=1", 400, "index"),
                new Case("/api/v1/log/inclusion?index=0&size=1.5", 400, "size"),
                new Case("/api/v1/log/inclusion?index=0&size=1e3", 400, "size"),
                new Case("/api/v1/log/inclusion?index=%2B1&size=2", 400, "index"),
                new Case("/api/v1/log/inclusion?index=0x1&size=2", 400, "index"),
                new Case("/api/v1/log/inclusion?index=%201&size=2", 400, "index"),
                new Case("/api/v1/log/inclusion?index=0&size=0", 400, "index"),
                new Case("/api/v1/log/inclusion?index=1&size=1", 400, "index"),
                new Case("/api/v1/log/inclusion?index=5&size=2", 400, "index"),
                new Case("/api/v1/log/inclusion?index=0&size=" + (size + 1), 400, "size"),
                new Case("/api/v1/log/inclusion?index=0&size=999999999999999999", 400, "size"),
                new Case("/api/v1/log/inclusion?index=0&size=9223372036854775807", 400, "size"),
                new Case("/api/v1/log/inclusion?index=0&size=99999999999999999999999", 400, "size"),
                new Case("/api/v1/log/consistency", 400, "from"),
                new Case("/api/v1/log/consistency?from=0", 400, "to"),
                new Case("/api/v1/log/consistency?from=-1&to=1", 400, "from"),
                new Case("/api/v1/log/consistency?from=1&to=-1", 400, "to"),
                new Case("/api/v1/log/consistency?from=x&to=1", 400, "from"),
                new Case("/api/v1/log/consistency?from=2&to=1", 400, "from"),
                new Case("/api/v1/log/consistency?from=0&to=" + (size + 1), 400, "to"),
                new Case("/api/v1/log/consistency?from=" + (size + 1) + "&to=" + (size + 2), 400, "to"),
                new Case("/api/v1/log/consistency?from=0&to=18446744073709551616", 400, "to"),
                new Case("/api/v1/log/checkpoints?limit=0", 400, "limit"),
                new Case("/api/v1/log/checkpoints?limit=1001", 400, "limit"),
                new Case("/api/v1/log/checkpoints?limit=ten", 400, "limit"),
                new Case("/api/v1/log/checkpoints?from=-5", 400, "from"),
                new Case("/api/v1/log/checkpoints?from=1.0", 400, "from"),
                new Case("/api/v1/certificates/NO-SUCH-CERTIFICATE/proof", 404, null));
        check(cases);
        // The edges that are fine.
        anonymous().get("/api/v1/log/consistency?from=0&to=" + size).then().statusCode(200);
        anonymous().get("/api/v1/log/consistency?from=" + size + "&to=" + size).then().statusCode(200);
        anonymous().get("/api/v1/log/inclusion?index=" + (size - 1) + "&size=" + size).then().statusCode(200);
        anonymous().get("/api/v1/log/checkpoints?from=999999999999999999&limit=1000").then().statusCode(200);
    }

    @Test
    void tilePaths() {
        long size = log.publishCheckpoint().size();
        long lastBundle = (size - 1) / 256;
        int partial = EntryBundleId.widthAt(lastBundle, size);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("/log/tile/0/1", 400, "path"),
                new Case("/log/tile/0/0000", 400, "path"),
                new Case("/log/tile/00/000", 400, "path"),
                new Case("/log/tile/01/000", 400, "path"),
                new Case("/log/tile/64/000", 400, "path"),
                new Case("/log/tile/-1/000", 400, "path"),
                new Case("/log/tile/a/000", 400, "path"),
                new Case("/log/tile/0/abc", 400, "path"),
                new Case("/log/tile/0/000.p/0", 400, "path"),
                new Case("/log/tile/0/000.p/256", 400, "path"),
                new Case("/log/tile/0/000.p/007", 400, "path"),
                new Case("/log/tile/0/000.p/", 400, "path"),
                new Case("/log/tile/0/000.p/x", 400, "path"),
                new Case("/log/tile/0/000.p/5/6", 400, "path"),
                new Case("/log/tile/0/000/", 400, "path"),
                new Case("/log/tile/0/001/002", 400, "path"),
                new Case("/log/tile/0/x000/001", 400, "path"),
                new Case("/log/tile/0/X001/002", 400, "path"),
                new Case("/log/tile/0/x1/002", 400, "path"),
                new Case("/log/tile/0/x001/x002/x003/x004/x005/x006/x007/008", 400, "path"),
                new Case("/log/tile/0/x999/x999/x999/x999/x999/x999/999", 400, "path"),
                new Case("/log/tile/0/" + "x001/".repeat(20) + "001", 400, "path"),
                new Case("/log/tile/0/%2E%2E/000", 400, "path"),
                new Case("/log/tile/entries", 400, "path"),
                new Case("/log/tile/entries/1", 400, "path"),
                new Case("/log/tile/entries/000.p/300", 400, "path"),
                new Case("/log/tile/entries/x000/000", 400, "path"),
                new Case("/log/tile/entries/000.p/0", 400, "path"),
                new Case("/log/tile/entries/00a", 400, "path"),
                // Beyond the latest checkpoint.
                new Case("/log/" + TileId.full(0, lastBundle + 1).path(), 404, null),
                new Case("/log/" + EntryBundleId.full(lastBundle + 1).path(), 404, null),
                new Case("/log/tile/7/000", 404, null),
                new Case("/log/tile/63/000", 404, null),
                new Case("/log/tile/0/x009/x223/x372/x036/x854/x775/807", 404, null),
                new Case("/log/tile/entries/x036/x028/x797/x018/x963/967", 404, null),
                new Case("/log/tile/entries/x036/x028/x797/x018/x963/968", 400, "path")));
        if (partial < 256) {
            cases.add(new Case("/log/" + new TileId(0, lastBundle, 256).path(), 404, null));
            cases.add(new Case("/log/" + EntryBundleId.full(lastBundle).path(), 404, null));
            if (partial < 255) {
                cases.add(new Case("/log/" + new TileId(0, lastBundle, partial + 1).path(), 404, null));
                cases.add(new Case("/log/" + new EntryBundleId(lastBundle, partial + 1).path(), 404, null));
            }
        }
        check(cases);
        // What the checkpoint covers is served, including narrower partial views of the last tile.
        EntryBundleId last = EntryBundleId.at(lastBundle, size);
        given().get("/log/" + last.path()).then().statusCode(200);
        given().get("/log/" + new EntryBundleId(lastBundle, 1).path()).then().statusCode(200);
        given().get("/log/" + TileId.at(0, lastBundle, size).path()).then().statusCode(200);
    }

    private static void check(List<Case> cases) {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Response r = given().urlEncodingEnabled(false).get(c.path());
            String type = r.getHeader("Content-Type");
            if (r.statusCode() != c.status() || type == null || !type.startsWith("application/problem+json")) {
                failures.add(c.path() + " -> " + r.statusCode() + " " + type + " " + r.asString());
                continue;
            }
            if (c.field() != null && !r.jsonPath().getList("errors.field").contains(c.field())) {
                failures.add(c.path() + " -> no error on field " + c.field() + ": " + r.asString());
            }
        }
        assertThat(failures).isEmpty();
    }
}
