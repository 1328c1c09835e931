package org.szmark.log;

import static io.restassured.RestAssured.given;
import static org.szmark.support.Api.as;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.szmark.account.Actor;
import org.szmark.account.Role;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.certificate.CertificateViews.ProductionSite;
import org.szmark.log.merkle.InMemoryHashStore;
import org.szmark.log.note.VerifierKey;
import org.szmark.support.Api;

/** Helpers shared by the log tests. */
final class LogTestSupport {
    private LogTestSupport() {}

    /** The service-level caller behind an issuer's certifier token. */
    static Actor certifier(Api.Issuer issuer) {
        JsonPath me = as(issuer.token()).get("/api/v1/accounts/me").then().statusCode(200).extract().jsonPath();
        return new Actor(me.getLong("id"), Role.CERTIFIER, me.getLong("bodyId"), null, me.getString("name"));
    }

    /** An issuance request as {@link Api.Issuer#request()} makes it, for calling the service directly. */
    static IssueRequest request(Api.Issuer issuer) {
        return new IssueRequest(null, issuer.holder(), issuer.model(), new ProductionSite("一号工厂", "深圳市宝安区福永街道 1 号"),
                issuer.standard(), "儿童智能手表的设计和生产", "型式试验+初始工厂检查+获证后监督", LocalDate.now(), null, null, null);
    }

    /** The log key as the registry publishes it. */
    static VerifierKey logKey() {
        String text = given().get("/log/key").then().statusCode(200).extract().asString();
        return VerifierKey.parse(text.trim());
    }

    /** A tree rebuilt from the log's entries 0 .. size − 1, read through the service. */
    static InMemoryHashStore rebuild(LogService log, long size) {
        InMemoryHashStore tree = new InMemoryHashStore();
        for (long i = 0; i < size; i++) {
            tree.append(log.entry(i).orElseThrow());
        }
        return tree;
    }

    static List<byte[]> decode(List<String> base64) {
        return base64.stream().map(s -> Base64.getDecoder().decode(s)).toList();
    }
}
