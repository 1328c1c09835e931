package org.szmark.signin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.szmark.support.Api;

/** Staff users and browser-like sign-in for the tests: each test signs in from its own client address. */
final class Staff {
    private Staff() {}

    static final String COOKIE = "quarkus-credential";
    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    record User(long id, String userName, long accountId, String link) {}

    /** A loopback-style client address of its own, so the per-address throttle of one test never meets another's. */
    static String newAddress() {
        int n = ADDRESS.incrementAndGet();
        return "127.1." + (n / 250) + "." + (n % 250 + 1);
    }

    static long bodyIdOf(String certifierToken) {
        return ((Number) as(certifierToken).get("/api/v1/accounts/me").then().statusCode(200).extract().path("bodyId")).longValue();
    }

    static User create(RequestSpecification by, String role, Long bodyId, Long enterpriseId, boolean admin) {
        String name = "u" + Api.uniqueSuffix().toLowerCase().replaceAll("[^a-z0-9]", "");
        Map<String, Object> body = new HashMap<>();
        body.put("userName", name);
        body.put("name", "测试人员 " + name);
        body.put("role", role);
        if (bodyId != null) body.put("bodyId", bodyId);
        if (enterpriseId != null) body.put("enterpriseId", enterpriseId);
        body.put("admin", admin);
        var r = by.body(body).post("/api/v1/staff").then().statusCode(201).extract();
        assertThat(r.<String>path("passwordLink")).contains("/sign-in/password?token=");
        return new User(((Number) r.path("staff.id")).longValue(), name, ((Number) r.path("staff.accountId")).longValue(),
                r.path("passwordLink"));
    }

    static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    /** GETs the link's form and posts it with the page's own anti-forgery token. */
    static Response setPassword(String link, String password) {
        String token = token(link);
        String page = given().queryParam("token", token).get("/sign-in/password").then().statusCode(200).extract().asString();
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", token).formParam("csrf-token", field(page, "csrf-token"))
                .formParam("password", password).formParam("repeat", password)
                .post("/sign-in/password");
    }

    static User ready(RequestSpecification by, String role, Long bodyId, Long enterpriseId, boolean admin) {
        User u = create(by, role, bodyId, enterpriseId, admin);
        setPassword(u.link(), PASSWORD).then().statusCode(200);
        return u;
    }

    static Response post(String userName, String password, String address) {
        return given().redirects().follow(false).header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", userName).formParam("j_password", password)
                .post("/j_security_check");
    }

    /** Signs in and returns the session cookie. */
    static String signIn(String userName, String address) {
        Response r = post(userName, PASSWORD, address);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/sign-in/landing");
        String cookie = r.getCookie(COOKIE);
        assertThat(cookie).isNotBlank();
        return cookie;
    }

    static RequestSpecification session(String cookie) {
        return given().redirects().follow(false).cookie(COOKIE, cookie);
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("form field " + name).isTrue();
        return m.group(1);
    }

    static String csrfOfAccountPage(String cookie) {
        String page = session(cookie).get("/console/account").then().statusCode(200).extract().asString();
        return field(page, "csrf-token");
    }

    static RequestSpecification authorityApi() {
        return authority();
    }
}
