package org.szmark.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

/** Staff sign-in through an OpenID Connect provider: a small one on loopback ({@link TestProvider}). */
@QuarkusTest
@TestProfile(OidcSignInTest.Enabled.class)
class OidcSignInTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("szmark.sign-in.oidc.enabled", "true", "szmark.sign-in.oidc.provider-name", "Test IdP",
                    "szmark.sign-in.totp-required-roles", "AUTHORITY");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestProvider.class));
        }
    }

    /** What the provider's ID token says; null removes a claim. */
    record Person(String subject, Map<String, Object> claims) {
        static Person named(String userName) {
            Map<String, Object> c = new HashMap<>();
            c.put("preferred_username", userName);
            return new Person("sub-" + Api.uniqueSuffix(), c);
        }
    }

    /** The browser's cookies along the flow, as a browser keeps them. */
    private static final class Jar {
        final Map<String, String> cookies = new HashMap<>();

        void take(Response r) {
            for (var c : r.getDetailedCookies()) {
                if (c.getMaxAge() == 0 || c.getValue().isEmpty()) cookies.remove(c.getName()); else cookies.put(c.getName(), c.getValue());
            }
        }
    }

    record Outcome(Response last, Jar jar) {
        String session() {
            return jar.cookies.get(Staff.COOKIE);
        }
    }

    /**
     * Plays the browser: /sign-in/oidc sends it to the provider; the person signs in there (the test registers the ID
     * token the provider answers for the code, with the request's nonce); the provider sends the browser back with
     * code and state; quarkus-oidc redeems the code and the registry answers.
     */
    static Outcome signIn(Person p, TokenKind kind) {
        Jar jar = new Jar();
        Response start = given().redirects().follow(false).accept("text/html").get("/sign-in/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.header("Location"));
        assertThat(authorize.toString()).startsWith(TestProvider.issuer() + "/authorize?");
        jar.take(start);
        Map<String, String> q = TestProvider.form(authorize.getRawQuery());
        assertThat(q).containsEntry("client_id", TestProvider.CLIENT_ID).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKey("nonce");

        Map<String, Object> claims = new HashMap<>(p.claims());
        claims.put("sub", p.subject());
        claims.put("nonce", q.get("nonce"));
        String token = switch (kind) {
            case GOOD -> TestProvider.idToken(claims, false);
            case FORGED -> TestProvider.idToken(claims, true);
            case TAMPERED -> tamper(TestProvider.idToken(claims, false));
            case WRONG_ISSUER -> {
                claims.put("iss", "http://127.0.0.1:9/another-provider");
                yield TestProvider.idToken(claims, false);
            }
            case WRONG_NONCE -> {
                claims.put("nonce", "not-the-nonce-of-this-request");
                yield TestProvider.idToken(claims, false);
            }
        };
        String code = "code-" + Api.uniqueSuffix();
        TestProvider.grant(code, token, q.get("code_challenge"));

        Response r = given().redirects().follow(false).accept("text/html").cookies(jar.cookies)
                .queryParam("code", code).queryParam("state", q.get("state")).get(q.get("redirect_uri"));
        jar.take(r);
        for (int hops = 0; r.statusCode() == 302 && hops < 3; hops++) {
            String next = r.header("Location");
            if (!URI.create(next).getPath().equals("/sign-in/oidc")) break;
            r = given().redirects().follow(false).accept("text/html").cookies(jar.cookies).get(next);
            jar.take(r);
        }
        return new Outcome(r, jar);
    }

    enum TokenKind { GOOD, FORGED, TAMPERED, WRONG_ISSUER, WRONG_NONCE }

    /** A well-signed token whose claims were changed afterwards: another user name, same signature. */
    private static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"preferred_username\":\"", "\"preferred_username\":\"x");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static void assertRefusedWithoutSession(Outcome o) {
        assertThat(o.session()).as("registry session cookie").isNull();
        assertThat(o.jar.cookies.keySet()).noneMatch(n -> n.startsWith("q_session"));
    }

    @Test
    void theProvidersPersonBecomesTheirStaffUserAndReachesTheConsole() {
        var b = Api.newBody();
        long bodyId = Staff.bodyIdOf(b.certifierToken());
        var u = Staff.create(authority(), "CERTIFIER", bodyId, null, false); // no password: the provider signs in
        Person p = Person.named(u.userName().toUpperCase());
        Outcome o = signIn(p, TokenKind.GOOD);
        assertThat(o.last().statusCode()).isEqualTo(200);
        assertThat(o.last().asString()).contains("url=/sign-in/landing").contains("href=\"/sign-in/landing\"");
        assertThat(o.last().header("Cache-Control")).isEqualTo("no-store");
        assertThat(o.session()).isNotBlank();
        assertThat(o.jar.cookies.keySet()).as("the provider's session ends at once").noneMatch(n -> n.startsWith("q_session"));
        var cookie = o.last().getDetailedCookie(Staff.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");

        Staff.session(o.session()).get("/sign-in/landing").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console"));
        Staff.session(o.session()).get("/console").then().statusCode(200);
        Staff.session(o.session()).accept("application/json").get("/api/v1/accounts/me").then().statusCode(200)
                .body("role", equalTo("CERTIFIER")).body("id", equalTo((int) u.accountId()));
        authority().queryParam("targetType", "account").queryParam("targetId", u.accountId()).get("/api/v1/audit").then()
                .statusCode(200).body("items.action", hasItem("staff.sign-in")).body("items.action", hasItem("staff.oidc-link"));

        // Linked by subject: a new user name at the provider still finds the user ...
        Person renamed = new Person(p.subject(), Map.of("preferred_username", "renamed-" + Api.uniqueSuffix().toLowerCase()));
        assertThat(signIn(renamed, TokenKind.GOOD).session()).isNotBlank();
        // ... and another subject bearing the user's name is not that user.
        Outcome impostor = signIn(Person.named(u.userName()), TokenKind.GOOD);
        assertThat(impostor.last().statusCode()).isEqualTo(403);
        assertRefusedWithoutSession(impostor);
    }

    @Test
    void anUnknownPersonGetsAPageAndNoAccountIsCreated() {
        String name = "nobody-" + Api.uniqueSuffix().toLowerCase();
        Outcome o = signIn(Person.named(name), TokenKind.GOOD);
        assertThat(o.last().statusCode()).isEqualTo(403);
        assertThat(o.last().contentType()).startsWith("text/html");
        assertThat(o.last().asString()).contains("No staff account for you").doesNotContain("Exception");
        assertRefusedWithoutSession(o);
        authority().get("/api/v1/staff").then().statusCode(200).body("items.userName", org.hamcrest.Matchers.not(hasItem(name)));

        Person nameless = Person.named(null);
        Outcome o2 = signIn(nameless, TokenKind.GOOD);
        assertThat(o2.last().statusCode()).isEqualTo(403);
        assertRefusedWithoutSession(o2);
    }

    @Test
    void aDisabledUserIsRefusedAndDisablingEndsTheProviderSession() {
        var u = Staff.create(authority(), "ENTERPRISE", null, enterpriseId(), false);
        Person p = Person.named(u.userName());
        Outcome first = signIn(p, TokenKind.GOOD);
        Staff.session(first.session()).get("/console/account").then().statusCode(200);

        authority().body(Map.of("reason", "left the office")).post("/api/v1/staff/" + u.id() + "/disable").then().statusCode(200);
        Staff.session(first.session()).get("/console/account").then().statusCode(302);
        Outcome again = signIn(p, TokenKind.GOOD);
        assertThat(again.last().statusCode()).isEqualTo(403);
        assertThat(again.last().asString()).contains("Staff user disabled");
        assertRefusedWithoutSession(again);
    }

    @Test
    void signOutAndIdleTimeEndTheSessionLikeAFormSignIn() {
        var u = Staff.create(authority(), "AUTHORITY", null, null, false);
        Person p = Person.named(u.userName());
        // AUTHORITY requires TOTP in this profile: the provider's second factor is trusted, so no enrolment is asked.
        String cookie = signIn(p, TokenKind.GOOD).session();
        Staff.session(cookie).get("/sign-in/landing").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/account"));
        String csrf = Staff.csrfOfAccountPage(cookie);
        Staff.session(cookie).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .post("/sign-out").then().statusCode(303);
        Staff.session(cookie).get("/console/account").then().statusCode(302);
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts/me").then().statusCode(401);

        String second = signIn(p, TokenKind.GOOD).session();
        Staff.session(second).get("/console/account").then().statusCode(200);
        SignInTest.advance(Duration.ofMinutes(31));
        Staff.session(second).get("/console/account").then().statusCode(302);
    }

    @Test
    void forgedTamperedOrForeignTokensOpenNoSession() {
        var u = Staff.create(authority(), "AUTHORITY", null, null, false);
        for (TokenKind kind : List.of(TokenKind.FORGED, TokenKind.TAMPERED, TokenKind.WRONG_ISSUER, TokenKind.WRONG_NONCE)) {
            Outcome o = signIn(Person.named(u.userName()), kind);
            assertThat(o.last().statusCode()).as(kind.name()).isEqualTo(401);
            assertThat(o.last().asString()).as(kind.name()).doesNotContain("Exception").doesNotContain("org.");
            assertRefusedWithoutSession(o);
        }
        // The user was never linked by those attempts: a good token of a new subject still links it.
        assertThat(signIn(Person.named(u.userName()), TokenKind.GOOD).session()).isNotBlank();
    }

    @Test
    void aCallbackWithAForeignStateOpensNoSession() {
        var u = Staff.create(authority(), "AUTHORITY", null, null, false);
        Response forged = given().redirects().follow(false).accept("text/html").queryParam("code", "anything")
                .queryParam("state", "forged-state").get("/sign-in/oidc");
        // No state cookie of this browser matches: quarkus-oidc starts a new sign-in at the provider, nothing more.
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.header("Location")).startsWith(TestProvider.issuer() + "/authorize?");
        assertThat(forged.getCookie(Staff.COOKIE)).isNull();
        assertThat(forged.getCookies().keySet()).noneMatch(n -> n.startsWith("q_session"));
        assertThat(signIn(Person.named(u.userName()), TokenKind.GOOD).session()).isNotBlank();
    }

    @Test
    void theSignInPageOffersTheProviderAndTheApiKeepsItsBearerTokens() {
        given().queryParam("lang", "en").get("/sign-in").then().statusCode(200)
                .body(containsString("id=\"sign-in-oidc\" href=\"/sign-in/oidc\"")).body(containsString("Sign in with Test IdP"));
        authority().get("/api/v1/accounts/me").then().statusCode(200).body("role", equalTo("AUTHORITY"));
        given().accept("application/json").get("/api/v1/accounts/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/sign-in"));
        var u = Staff.ready(authority(), "CERTIFIER", Staff.bodyIdOf(Api.newBody().certifierToken()), null, false);
        Staff.session(Staff.signIn(u.userName(), Staff.newAddress())).get("/console").then().statusCode(200);
    }

    private static long enterpriseId() {
        String token = Api.enterpriseToken(Api.newEnterprise());
        return ((Number) Api.as(token).get("/api/v1/accounts/me").then().statusCode(200).extract().path("enterpriseId")).longValue();
    }
}
