package org.szmark.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** OpenID Connect sign-in is off by default: no path, no link, nothing else changed. */
@QuarkusTest
class OidcOffTest {

    @Test
    void theProviderPathIsNotThereAndTheSignInPageOffersNoProvider() {
        var plain = given().redirects().follow(false).get("/sign-in/oidc").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).extract();
        assertThat(plain.cookies()).isEmpty();
        given().redirects().follow(false).accept("text/html").get("/sign-in/oidc").then().statusCode(404)
                .contentType(containsString("text/html"));
        // A callback-like request is nothing either: no provider is asked, no cookie set.
        var callback = given().redirects().follow(false).accept("text/html").queryParam("code", "c").queryParam("state", "s")
                .get("/sign-in/oidc").then().statusCode(404).extract();
        assertThat(callback.cookies()).isEmpty();
        given().queryParam("lang", "en").get("/sign-in").then().statusCode(200).body(not(containsString("sign-in-oidc")))
                .body(not(containsString("/sign-in/oidc")));
    }
}
