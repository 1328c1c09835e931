package org.szmark.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;
import static org.szmark.support.Api.authority;
import static org.szmark.support.Api.newBody;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;

@QuarkusTest
class AccountTokenTest {

    @Inject EntityManager em;

    @Test
    void bootstrapAuthorityExistsAndUsesTheConfiguredToken() {
        authority().get("/api/v1/accounts/me").then().statusCode(200)
                .body("role", equalTo("AUTHORITY"))
                .body("tokens.label", hasItem("bootstrap"))
                .body("tokens.find { it.label == 'bootstrap' }.prefix", equalTo(TokenCodec.CONFIGURED_PREFIX));
        // no part of the configured token is stored in clear
        String start = Api.AUTHORITY_TOKEN.substring(0, TokenCodec.PREFIX_LENGTH);
        assertThat(((Number) em.createNativeQuery("select count(*) from api_token where prefix = ?1")
                .setParameter(1, start).getSingleResult()).longValue()).isZero();
        assertThat(TokenCodec.bootstrapWeakness(Api.AUTHORITY_TOKEN)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tokensAreStoredOnlyAsHashes() {
        String token = newBody().certifierToken();
        assertThat(token).startsWith(TokenCodec.SCHEME).hasSizeGreaterThanOrEqualTo(TokenCodec.SCHEME.length() + 43);
        List<Object[]> rows = em.createNativeQuery("select prefix, token_hash from api_token").getResultList();
        assertThat(rows).isNotEmpty();
        for (Object[] r : rows) {
            assertThat((String) r[1]).doesNotContain(token).hasSize(64);
            // generated tokens keep their first characters; the configured bootstrap token keeps none
            assertThat((String) r[0]).satisfiesAnyOf(p -> assertThat(p).hasSize(TokenCodec.PREFIX_LENGTH),
                    p -> assertThat(p).isEqualTo(TokenCodec.CONFIGURED_PREFIX));
        }
        assertThat(rows).anySatisfy(r -> assertThat(r[1]).isEqualTo(TokenCodec.hash(token)));
        assertThat(rows).anySatisfy(r -> assertThat(token).startsWith((String) r[0]));
    }

    @Test
    void revokedTokenNoLongerAuthenticates() {
        String token = newBody().certifierToken();
        long tokenId = ((Number) as(token).get("/api/v1/accounts/me").then().statusCode(200)
                .extract().path("tokens[0].id")).longValue();
        as(token).delete("/api/v1/tokens/" + tokenId).then().statusCode(200).body("revokedAt", notNullValue());
        as(token).get("/api/v1/accounts/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:szmark:problem:unauthorized"));
    }

    @Test
    void secondTokenAndForeignTokensStayHidden() {
        String a = newBody().certifierToken();
        String b = newBody().certifierToken();
        long accountA = ((Number) as(a).get("/api/v1/accounts/me").then().extract().path("id")).longValue();
        long tokenB = ((Number) as(b).get("/api/v1/accounts/me").then().extract().path("tokens[0].id")).longValue();

        String second = as(a).body(Map.of("label", "ci system")).post("/api/v1/accounts/" + accountA + "/tokens")
                .then().statusCode(201).body("token", startsWith("szmk_")).extract().path("token");
        as(second).get("/api/v1/accounts/me").then().statusCode(200).body("id", equalTo((int) accountA));

        // another body's certifier can neither revoke nor mint tokens for this account
        as(b).delete("/api/v1/tokens/" + ((Number) as(a).get("/api/v1/accounts/me").then().extract().path("tokens[0].id")).longValue())
                .then().statusCode(404);
        as(b).body(Map.of()).post("/api/v1/accounts/" + accountA + "/tokens").then().statusCode(404);
        as(a).delete("/api/v1/tokens/" + tokenB).then().statusCode(404);
        as(b).get("/api/v1/accounts/me").then().statusCode(200);
        // the authority may revoke anyone's
        authority().delete("/api/v1/tokens/" + tokenB).then().statusCode(200);
        as(b).get("/api/v1/accounts/me").then().statusCode(401);
    }

    @Test
    void malformedOrUnknownCredentialsAreRejected() {
        anonymous().get("/api/v1/accounts/me").then().statusCode(401);
        as("szmk_" + "A".repeat(43)).get("/api/v1/accounts/me").then().statusCode(401);
        as("short").get("/api/v1/accounts/me").then().statusCode(401);
        anonymous().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/accounts/me").then().statusCode(401);
        anonymous().header("Authorization", "Bearer " + "x".repeat(5000)).get("/api/v1/accounts/me").then().statusCode(401);
        anonymous().header("Authorization", "Bearer " + Api.AUTHORITY_TOKEN + " extra").get("/api/v1/accounts/me").then().statusCode(401);
    }

    @Test
    void onlyTheAuthorityListsAndCreatesAuthorityAccounts() {
        String certifier = newBody().certifierToken();
        as(certifier).get("/api/v1/accounts").then().statusCode(403);
        as(certifier).body(Map.of("name", "x")).post("/api/v1/accounts").then().statusCode(403);
        String second = authority().body(Map.of("name", "Second operator")).post("/api/v1/accounts")
                .then().statusCode(201).extract().path("token");
        as(second).get("/api/v1/accounts").then().statusCode(200).body("role", hasItem("CERTIFIER"));
    }
}
