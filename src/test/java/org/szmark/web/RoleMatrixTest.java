package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** Every write endpoint against every kind of caller: who gets in, who gets 401, who gets 403. */
@QuarkusTest
class RoleMatrixTest {

    record Endpoint(String method, String path, Set<String> allowed) {}

    String certifier;
    String enterprise;
    String body;
    String creditCode;
    String standard;
    long certifierAccount;

    @BeforeEach
    void setUp() {
        Api.BodyWithCertifier b = Api.newBody();
        body = b.code();
        certifier = b.certifierToken();
        creditCode = Api.newEnterprise();
        enterprise = Api.enterpriseToken(creditCode);
        standard = Api.newEligibleStandard();
        certifierAccount = ((Number) as(certifier).get("/api/v1/accounts/me").then().extract().path("id")).longValue();
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/v1/standards", Set.of("AUTHORITY")),
                new Endpoint("PUT", "/api/v1/standards/" + standard, Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/bodies", Set.of("AUTHORITY")),
                new Endpoint("PUT", "/api/v1/bodies/" + body, Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/bodies/" + body + "/status", Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/bodies/" + body + "/accounts", Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/enterprises", Set.of("AUTHORITY", "CERTIFIER")),
                new Endpoint("PUT", "/api/v1/enterprises/" + creditCode, Set.of("AUTHORITY", "CERTIFIER", "ENTERPRISE")),
                new Endpoint("POST", "/api/v1/enterprises/" + creditCode + "/products", Set.of("AUTHORITY", "CERTIFIER")),
                new Endpoint("POST", "/api/v1/enterprises/" + creditCode + "/accounts", Set.of("AUTHORITY")),
                new Endpoint("GET", "/api/v1/accounts", Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/accounts", Set.of("AUTHORITY")),
                new Endpoint("GET", "/api/v1/accounts/me", Set.of("AUTHORITY", "CERTIFIER", "ENTERPRISE")),
                new Endpoint("POST", "/api/v1/accounts/0/disable", Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/accounts/0/enable", Set.of("AUTHORITY")),
                new Endpoint("GET", "/api/v1/audit", Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/certificates", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/certificates:batch", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/certificates/SZBZ-X-2026-00001/suspend", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/certificates/SZBZ-X-2026-00001/reinstate", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/certificates/SZBZ-X-2026-00001/revoke", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/certificates/SZBZ-X-2026-00001/cancel", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/certificates/SZBZ-X-2026-00001/audits", Set.of("CERTIFIER")),
                new Endpoint("GET", "/api/v1/certificates/SZBZ-X-2026-00001/audits", Set.of("AUTHORITY", "CERTIFIER")),
                new Endpoint("GET", "/api/v1/dashboard", Set.of("CERTIFIER")),
                new Endpoint("GET", "/api/v1/bodies/" + body + "/dashboard", Set.of("AUTHORITY", "CERTIFIER")),
                new Endpoint("GET", "/api/v1/surveillance/candidates", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/surveillance/actions", Set.of("CERTIFIER")),
                new Endpoint("POST", "/api/v1/bodies/" + body + "/keys", Set.of("AUTHORITY")),
                new Endpoint("POST", "/api/v1/bodies/" + body + "/keys/0000000000000000/revoke", Set.of("AUTHORITY")));
    }

    @Test
    void everyWriteEndpointAdmitsExactlyItsRoles() {
        Map<String, String> tokens = Map.of("AUTHORITY", Api.AUTHORITY_TOKEN, "CERTIFIER", certifier, "ENTERPRISE", enterprise);
        for (Endpoint e : endpoints()) {
            int none = send(anonymous(), e).statusCode();
            assertThat(none).as("%s %s without a token", e.method(), e.path()).isEqualTo(401);
            for (var role : tokens.entrySet()) {
                // An empty object is enough to get past the access check; validation may then refuse it.
                int status = send(as(role.getValue()), e).statusCode();
                if (e.allowed().contains(role.getKey())) {
                    assertThat(status).as("%s %s as %s", e.method(), e.path(), role.getKey()).isNotIn(401, 403);
                } else {
                    assertThat(status).as("%s %s as %s", e.method(), e.path(), role.getKey()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void readsArePublic() {
        for (String path : List.of("/api/v1/standards", "/api/v1/standards/" + standard, "/api/v1/bodies",
                "/api/v1/bodies/" + body, "/api/v1/enterprises", "/api/v1/enterprises/" + creditCode,
                "/api/v1/enterprises/" + creditCode + "/products", "/api/v1/certificates", "/api/v1/bodies/" + body + "/keys",
                "/trust-list", "/trust-list/authority")) {
            anonymous().get(path).then().statusCode(200);
        }
    }

    private static Response send(RequestSpecification r, Endpoint e) {
        return e.method().equals("GET") ? r.get(e.path()) : r.body("{}").request(e.method(), e.path());
    }
}
