package org.szmark.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

@QuarkusTest
class SignInTest {

    /** Moves sign-in time forward for one test (QuarkusMock ends with the test). */
    static void advance(Duration by) {
        QuarkusMock.installMockForType(new SignInTime() {
            @Override
            public OffsetDateTime now() {
                return OffsetDateTime.now(java.time.ZoneOffset.UTC).plus(by);
            }
        }, SignInTime.class);
    }

    @Test
    void bodyStaffSignsInActsAsTheBodyAndIsNamedInTheAuditTrail() {
        var b = Api.newBody();
        long bodyId = Staff.bodyIdOf(b.certifierToken());
        var u = Staff.ready(authority(), "CERTIFIER", bodyId, null, false);
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());

        Staff.session(cookie).get("/sign-in/landing").then().statusCode(303).header("Location", endsWithPath("/console"));
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts/me").then().statusCode(200)
                .body("role", equalTo("CERTIFIER")).body("bodyId", equalTo((int) bodyId)).body("id", equalTo((int) u.accountId()));
        Staff.session(cookie).get("/console/account").then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString(u.userName()));
        // Authority-only operations stay closed to a body's staff.
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts").then().statusCode(403);
        authority().queryParam("account", u.accountId()).get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void aBodysStaffCannotTouchAnotherBodysCertificateThroughTheSession() {
        var other = Api.newIssuer();
        String number = other.issue();
        var mine = Api.newBody();
        var u = Staff.ready(authority(), "CERTIFIER", Staff.bodyIdOf(mine.certifierToken()), null, false);
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        Staff.session(cookie).contentType("application/json").accept("application/json").body(Api.statusReason("suspend"))
                .post("/api/v1/certificates/" + number + "/suspend").then().statusCode(404);
        as(other.token()).get("/api/v1/certificates/" + number).then().statusCode(200).body("status", equalTo("VALID"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        String address = Staff.newAddress();
        var wrong = Staff.post(u.userName(), "not the password at all", address);
        var unknown = Staff.post("nobody-" + Api.uniqueSuffix().toLowerCase(), "not the password at all", address);
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/sign-in?error=1").isEqualTo(unknown.header("Location"));
        assertThat(wrong.getCookie(Staff.COOKIE)).isNull();
        assertThat(unknown.getCookie(Staff.COOKIE)).isNull();
        given().queryParam("error", "1").get("/sign-in").then().statusCode(200).body(containsString("Wrong user name or password"));
    }

    @Test
    void fiveFailuresLockTheNameUntilTheLockEndsKnownOrNot() {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        String unknown = "ghost-" + Api.uniqueSuffix().toLowerCase();
        for (String name : new String[] {u.userName(), unknown}) {
            for (int i = 1; i <= 4; i++) {
                assertThat(Staff.post(name, "wrong password " + i, Staff.newAddress()).header("Location")).endsWith("?error=1");
            }
            String fifth = Staff.post(name, "wrong password 5", Staff.newAddress()).header("Location");
            assertThat(fifth).startsWith("/sign-in?locked=");
        }
        // Locked: even the right password is refused, with the same page.
        var locked = Staff.post(u.userName(), Staff.PASSWORD, Staff.newAddress());
        assertThat(locked.header("Location")).startsWith("/sign-in?locked=");
        assertThat(locked.getCookie(Staff.COOKIE)).isNull();
        long until = Long.parseLong(locked.header("Location").substring("/sign-in?locked=".length()));
        assertThat(until - OffsetDateTime.now().toEpochSecond()).isBetween(14 * 60L, 15 * 60L + 5);
        given().queryParam("locked", until).queryParam("lang", "en").get("/sign-in").then().statusCode(200)
                .body(containsString("locked until"));

        advance(Duration.ofMinutes(16));
        Staff.signIn(u.userName(), Staff.newAddress());
    }

    @Test
    void failuresLongerAgoThanTheLockoutStartTheCountAgain() {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        for (int i = 1; i <= 4; i++) {
            assertThat(Staff.post(u.userName(), "wrong password " + i, Staff.newAddress()).header("Location")).endsWith("?error=1");
        }
        advance(Duration.ofMinutes(16));
        // Four old failures and one now are not five in a row: no lock, and the right password still works.
        assertThat(Staff.post(u.userName(), "wrong password 5", Staff.newAddress()).header("Location")).endsWith("?error=1");
        for (int i = 6; i <= 8; i++) {
            assertThat(Staff.post(u.userName(), "wrong password " + i, Staff.newAddress()).header("Location")).endsWith("?error=1");
        }
        // The fifth of the new count locks.
        assertThat(Staff.post(u.userName(), "wrong password 9", Staff.newAddress()).header("Location")).startsWith("/sign-in?locked=");
    }

    @Test
    void oneAddressIsThrottledWhateverNamesItTries() {
        String address = Staff.newAddress();
        String last = null;
        for (int i = 0; i < 21; i++) {
            last = Staff.post("spray-" + i + "-" + Api.uniqueSuffix().toLowerCase(), "wrong password", address).header("Location");
        }
        assertThat(last).startsWith("/sign-in?locked=");
    }

    @Test
    void signOutRevokesTheSessionAndAReplayedCookieIsRefused() {
        var u = Staff.ready(authority(), "ENTERPRISE", null, enterpriseId(), false);
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        String csrf = Staff.csrfOfAccountPage(cookie);
        Staff.session(cookie).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .post("/sign-out").then().statusCode(303).header("Location", endsWithPath("/sign-in?signedOut=1"));
        Staff.session(cookie).get("/console/account").then().statusCode(302).header("Location", endsWithPath("/sign-in"));
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts/me").then().statusCode(401);
    }

    @Test
    void anIdleSessionEndsAndAnActiveOneIsKept() {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        advance(Duration.ofMinutes(20));
        Staff.session(cookie).get("/console/account").then().statusCode(200); // touched: last seen now + 20 min
        advance(Duration.ofMinutes(45));
        Staff.session(cookie).get("/console/account").then().statusCode(200);
        advance(Duration.ofMinutes(80));
        Staff.session(cookie).get("/console/account").then().statusCode(302).header("Location", endsWithPath("/sign-in"));
    }

    @Test
    void disablingAUserEndsItsLiveSessionAtOnce() {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        Staff.session(cookie).get("/console/account").then().statusCode(200);
        authority().body(Map.of("reason", "left the office")).post("/api/v1/staff/" + u.id() + "/disable").then().statusCode(200)
                .body("disabled", equalTo(true));
        Staff.session(cookie).get("/console/account").then().statusCode(302);
        assertThat(Staff.post(u.userName(), Staff.PASSWORD, Staff.newAddress()).header("Location")).endsWith("?error=1");
        // Enabling lets it sign in again, but the ended session stays ended.
        authority().post("/api/v1/staff/" + u.id() + "/enable").then().statusCode(200).body("disabled", equalTo(false));
        Staff.session(cookie).get("/console/account").then().statusCode(302);
        Staff.signIn(u.userName(), Staff.newAddress());
    }

    @Test
    void formsWithoutTheirTokenOrFromAnotherSiteAreRefused() {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        Staff.session(cookie).contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/sign-out").then().statusCode(403).body(containsString("Form not accepted"));
        Staff.session(cookie).contentType("application/x-www-form-urlencoded").formParam("csrf-token", "forged-token-value")
                .formParam("oldPassword", Staff.PASSWORD).formParam("newPassword", "another long password")
                .formParam("repeat", "another long password")
                .post("/console/account/password").then().statusCode(403);
        Staff.session(cookie).get("/console/account").then().statusCode(200); // still signed in: nothing happened
        // The sign-in form itself, posted from another site.
        given().redirects().follow(false).header("Origin", "http://evil.invalid").contentType("application/x-www-form-urlencoded")
                .formParam("j_username", u.userName()).formParam("j_password", Staff.PASSWORD)
                .post("/j_security_check").then().statusCode(403).body("type", equalTo("urn:szmark:problem:cross-site-form"));
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
                .formParam("j_username", u.userName()).formParam("j_password", Staff.PASSWORD)
                .post("/j_security_check").then().statusCode(403);
        String csrf = Staff.csrfOfAccountPage(cookie);
        Staff.session(cookie).header("Origin", "http://evil.invalid").contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf).post("/sign-out").then().statusCode(403);
        Staff.session(cookie).get("/console/account").then().statusCode(200);
    }

    @Test
    void passwordChangeNeedsTheOldPasswordAndEndsOtherSessions() {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        String first = Staff.signIn(u.userName(), Staff.newAddress());
        String second = Staff.signIn(u.userName(), Staff.newAddress());
        String csrf = Staff.csrfOfAccountPage(first);
        Staff.session(first).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("oldPassword", "not the old one").formParam("newPassword", "a brand new passphrase")
                .formParam("repeat", "a brand new passphrase")
                .post("/console/account/password").then().statusCode(400).body(containsString("current password is wrong"));
        Staff.session(first).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("oldPassword", Staff.PASSWORD).formParam("newPassword", "short").formParam("repeat", "short")
                .post("/console/account/password").then().statusCode(400);
        Staff.session(first).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("oldPassword", Staff.PASSWORD).formParam("newPassword", "a brand new passphrase")
                .formParam("repeat", "a brand new passphrase")
                .post("/console/account/password").then().statusCode(303);
        Staff.session(first).get("/console/account").then().statusCode(200);
        Staff.session(second).get("/console/account").then().statusCode(302);
        assertThat(Staff.post(u.userName(), Staff.PASSWORD, Staff.newAddress()).header("Location")).endsWith("?error=1");
        assertThat(Staff.post(u.userName(), "a brand new passphrase", Staff.newAddress()).header("Location")).endsWith("/sign-in/landing");
    }

    @Test
    void aPasswordLinkWorksOnceAndNotAfterItExpires() {
        var u = Staff.create(authority(), "AUTHORITY", null, null, false);
        // Before a password is set the name signs in like an unknown one.
        assertThat(Staff.post(u.userName(), Staff.PASSWORD, Staff.newAddress()).header("Location")).endsWith("?error=1");
        Staff.setPassword(u.link(), u.userName()).then().statusCode(400).body(containsString("must not be your user name"));
        Staff.setPassword(u.link(), "too short").then().statusCode(400);
        Staff.setPassword(u.link(), Staff.PASSWORD).then().statusCode(200);
        given().queryParam("token", Staff.token(u.link())).get("/sign-in/password").then().statusCode(410);
        String page = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", Staff.token(u.link())).formParam("csrf-token", new FormTokens().of(Staff.token(u.link())))
                .formParam("password", "yet another passphrase").formParam("repeat", "yet another passphrase")
                .post("/sign-in/password").then().statusCode(410).extract().asString();
        assertThat(page).contains("already used");
        Staff.signIn(u.userName(), Staff.newAddress());

        var reset = authority().body(Map.of()).post("/api/v1/staff/" + u.id() + "/reset").then().statusCode(200)
                .extract().<String>path("passwordLink");
        advance(Duration.ofHours(25));
        given().queryParam("token", Staff.token(reset)).get("/sign-in/password").then().statusCode(410);
    }

    @Test
    void staffAreMadeByTheAuthorityOrByAnAdminOfTheSameBodyOnly() {
        var b = Api.newBody();
        long bodyId = Staff.bodyIdOf(b.certifierToken());
        long otherBody = Staff.bodyIdOf(Api.newBody().certifierToken());
        var admin = Staff.ready(authority(), "CERTIFIER", bodyId, null, true);
        var plain = Staff.ready(authority(), "CERTIFIER", bodyId, null, false);
        String adminCookie = Staff.signIn(admin.userName(), Staff.newAddress());
        var mine = Staff.create(Staff.session(adminCookie).contentType("application/json").accept("application/json"),
                "CERTIFIER", bodyId, null, false);
        assertThat(mine.link()).contains("token=");
        Staff.session(adminCookie).contentType("application/json").accept("application/json")
                .body(Map.of("userName", "x" + Api.uniqueSuffix().toLowerCase(), "name", "外人", "role", "CERTIFIER", "bodyId", otherBody))
                .post("/api/v1/staff").then().statusCode(403);
        Staff.session(adminCookie).contentType("application/json").accept("application/json")
                .body(Map.of("userName", "y" + Api.uniqueSuffix().toLowerCase(), "name", "主管", "role", "AUTHORITY"))
                .post("/api/v1/staff").then().statusCode(403);
        String plainCookie = Staff.signIn(plain.userName(), Staff.newAddress());
        Staff.session(plainCookie).contentType("application/json").accept("application/json")
                .body(Map.of("userName", "z" + Api.uniqueSuffix().toLowerCase(), "name", "同事", "role", "CERTIFIER", "bodyId", bodyId))
                .post("/api/v1/staff").then().statusCode(403);
        // The body's API token is no admin person either.
        as(b.certifierToken()).body(Map.of("userName", "w" + Api.uniqueSuffix().toLowerCase(), "name", "同事", "role", "CERTIFIER",
                "bodyId", bodyId)).post("/api/v1/staff").then().statusCode(403);
        // Bad input leaves nothing behind.
        authority().body(Map.of("userName", "Bad Name!", "name", "x", "role", "AUTHORITY")).post("/api/v1/staff")
                .then().statusCode(400).body("type", equalTo("urn:szmark:problem:validation"));
        authority().body(Map.of("userName", admin.userName(), "name", "again", "role", "AUTHORITY")).post("/api/v1/staff")
                .then().statusCode(409);
        authority().body(Map.of("userName", "q" + Api.uniqueSuffix().toLowerCase(), "name", "x", "role", "CERTIFIER"))
                .post("/api/v1/staff").then().statusCode(400);
    }

    @Test
    void anonymousBrowsersAreSentToSignInAndProgramsStillGetTheBearerChallenge() {
        given().redirects().follow(false).get("/console/account").then().statusCode(302).header("Location", endsWithPath("/sign-in"));
        given().accept("application/json").get("/api/v1/accounts/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/sign-in").then().statusCode(200).body(containsString("j_security_check"));
        given().header("Accept-Language", "zh-CN").get("/sign-in").then().statusCode(200).body(containsString("工作人员登录"));
        // The sign-in pages share the public pages' frame: their header, navigation and language switch.
        given().queryParam("lang", "en").get("/sign-in").then().statusCode(200)
                .header("Content-Language", "en")
                .body(containsString("<html lang=\"en\">"), containsString("Staff sign-in · Shenzhen Standard mark registry"),
                        containsString("href=\"/search?lang=en\""), containsString("hreflang=\"zh-CN\""));
    }

    private static long enterpriseId() {
        String token = Api.enterpriseToken(Api.newEnterprise());
        return ((Number) as(token).get("/api/v1/accounts/me").then().statusCode(200).extract().path("enterpriseId")).longValue();
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }
}
