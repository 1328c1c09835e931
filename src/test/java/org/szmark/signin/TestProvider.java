package org.szmark.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A small OpenID Connect provider on loopback for the tests: discovery, its signing key, and a token endpoint that
 * hands out the ID token a test registered for an authorization code (checking the client's secret and the PKCE
 * verifier). The test plays the browser and the person, so the provider has no login page of its own.
 */
public class TestProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "szmark-registry";
    static final String CLIENT_SECRET = "test-client-secret-0123456789abcdef";
    private static final RsaJsonWebKey KEY = key("k1");
    /** Same key id, not published: what a forger would sign with. */
    private static final RsaJsonWebKey FORGER = key("k1");

    /** An ID token the token endpoint answers for one code, once, to the verifier whose challenge it was issued for. */
    record Grant(String token, String codeChallenge) {}

    private static final Map<String, Grant> GRANTS = new ConcurrentHashMap<>();
    private static volatile String issuer;
    private HttpServer server;

    static String issuer() {
        return issuer;
    }

    static void grant(String code, String token, String codeChallenge) {
        GRANTS.put(code, new Grant(token, codeChallenge));
    }

    /** An ID token for the test client, signed with the published key or, {@code forged}, another one. */
    static String idToken(Map<String, Object> claims, boolean forged) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer);
        c.setAudience(CLIENT_ID);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        claims.forEach((k, v) -> {
            if (v == null) c.unsetClaim(k); else c.setClaim(k, v);
        });
        RsaJsonWebKey key = forged ? FORGER : KEY;
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", x -> send(x, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",\
                "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],\
                "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}"""
                .formatted(issuer)));
        server.createContext("/jwks", x -> send(x, 200, "{\"keys\":[" + KEY.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}"));
        server.createContext("/token", this::token);
        server.start();
        return Map.of("quarkus.oidc.staff.auth-server-url", issuer,
                "quarkus.oidc.staff.client-id", CLIENT_ID,
                "quarkus.oidc.staff.credentials.secret", CLIENT_SECRET);
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean client = basic.equals(x.getRequestHeaders().getFirst("Authorization"))
                || CLIENT_SECRET.equals(form.get("client_secret")) && CLIENT_ID.equals(form.get("client_id"));
        if (!client) {
            send(x, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant g = "authorization_code".equals(form.get("grant_type")) ? GRANTS.remove(String.valueOf(form.get("code"))) : null;
        if (g == null || form.get("code_verifier") == null || !g.codeChallenge().equals(challenge(form.get("code_verifier")))) {
            send(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        send(x, 200, "{\"access_token\":\"opaque-access-token\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
                + g.token() + "\"}");
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String s) {
        Map<String, String> m = new HashMap<>();
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            m.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (var out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private static RsaJsonWebKey key(String id) {
        try {
            RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
            k.setKeyId(id);
            k.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            k.setUse("sig");
            return k;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) server.stop(0);
    }
}
