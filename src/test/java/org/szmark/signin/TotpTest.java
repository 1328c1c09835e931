package org.szmark.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.szmark.support.Api.authority;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.szmark.account.Role;

@QuarkusTest
class TotpTest {

    private static String secretOnPage(String html) {
        Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String code(String secret, int stepsAhead) throws Exception {
        return TotpService.codeAt(secret, Instant.now().getEpochSecond() + 30L * stepsAhead);
    }

    /** Enrols from a signed-in session; returns the secret. The code used is that of the current step. */
    private static String enrol(String cookie) throws Exception {
        String page = Staff.session(cookie).get("/console/account/totp").then().statusCode(200)
                .body(containsString("otpauth://totp/")).body(containsString("data:image/png;base64,")).extract().asString();
        String secret = secretOnPage(page);
        String csrf = Staff.field(page, "csrf-token");
        Staff.session(cookie).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("code", "000000".equals(code(secret, 0)) ? "111111" : "000000")
                .post("/console/account/totp").then().statusCode(400);
        Staff.session(cookie).contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .formParam("code", code(secret, 0)).post("/console/account/totp").then().statusCode(200);
        return secret;
    }

    private static io.restassured.response.Response postCode(String cookie, String code) {
        String page = Staff.session(cookie).get("/sign-in/code").then().statusCode(200).extract().asString();
        return Staff.session(cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", Staff.field(page, "csrf-token")).formParam("code", code).post("/sign-in/code");
    }

    @Test
    void withTotpSignInTakesTwoStepsAndACodeIsNeverTakenTwice() throws Exception {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        String secret = enrol(Staff.signIn(u.userName(), Staff.newAddress()));

        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        Staff.session(cookie).get("/sign-in/landing").then().statusCode(303).header("Location", endsWith("/sign-in/code"));
        // Half signed in: no role yet, neither on pages nor through the API.
        Staff.session(cookie).get("/console/account").then().statusCode(303);
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts").then().statusCode(403);

        // The code used at enrolment is spent, also for a new session; a wrong one is refused.
        postCode(cookie, code(secret, 0)).then().statusCode(400).body(containsString("already used"));
        postCode(cookie, "12345").then().statusCode(400);
        String next = code(secret, 1);
        postCode(cookie, next).then().statusCode(303).header("Location", endsWith("/sign-in/landing"));
        Staff.session(cookie).get("/console/account").then().statusCode(200).body(containsString("TOTP"));
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts").then().statusCode(200);

        String other = Staff.signIn(u.userName(), Staff.newAddress());
        postCode(other, next).then().statusCode(400);
        // The form needs its token like every other.
        Staff.session(other).contentType("application/x-www-form-urlencoded").formParam("code", code(secret, 1))
                .post("/sign-in/code").then().statusCode(403);
    }

    @Test
    void wrongCodesLockTheNameLikeWrongPasswords() throws Exception {
        var u = Staff.ready(authority(), "AUTHORITY", null, null, false);
        enrol(Staff.signIn(u.userName(), Staff.newAddress()));
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        for (int i = 0; i < 4; i++) postCode(cookie, "99999" + i).then().statusCode(400);
        String location = postCode(cookie, "999994").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("/sign-in?locked=");
        Staff.session(cookie).get("/sign-in/code").then().statusCode(302); // the half-done session ended
        assertThat(Staff.post(u.userName(), Staff.PASSWORD, Staff.newAddress()).header("Location")).startsWith("/sign-in?locked=");
    }

    @Test
    void aRoleThatRequiresTotpMustEnrolBeforeAnythingElse() throws Exception {
        QuarkusMock.installMockForType(new TotpPolicy() {
            @Override
            public boolean required(Role role) {
                return role == Role.ENTERPRISE;
            }
        }, TotpPolicy.class);
        String token = org.szmark.support.Api.enterpriseToken(org.szmark.support.Api.newEnterprise());
        long enterpriseId = ((Number) org.szmark.support.Api.as(token).get("/api/v1/accounts/me").then().extract()
                .path("enterpriseId")).longValue();
        var u = Staff.ready(authority(), "ENTERPRISE", null, enterpriseId, false);
        String cookie = Staff.signIn(u.userName(), Staff.newAddress());
        Staff.session(cookie).get("/sign-in/landing").then().statusCode(303).header("Location", endsWith("/console/account/totp"));
        Staff.session(cookie).get("/console/account").then().statusCode(303).header("Location", endsWith("/console/account/totp"));
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts/me").then().statusCode(403);
        enrol(cookie);
        Staff.session(cookie).get("/console/account").then().statusCode(200);
        Staff.session(cookie).accept("application/json").get("/api/v1/accounts/me").then().statusCode(200);
    }
}
