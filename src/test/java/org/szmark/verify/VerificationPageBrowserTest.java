package org.szmark.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;
import static org.szmark.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;
import org.szmark.support.Chromium;

/**
 * Opens a label's QR URL in headless Chromium as a person's phone would: the rendered page after its
 * scripts ran (including the in-browser signature check), in both languages, before and after a revocation.
 */
@QuarkusTest
class VerificationPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void needsChromium() {
        Chromium.assumeInstalled();
    }

    static String render(String url, String language) throws Exception {
        return Chromium.render(url, language);
    }

    @Test
    void validThenRevokedInBothLanguages() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String qrUrl = anonymous().get("/api/v1/certificates/" + n).jsonPath().getString("qrUrl");
        String page = base.toString().replaceAll("/$", "") + qrUrl.substring(qrUrl.indexOf("/V/"));

        String en = render(page, "en-US");
        assertThat(en).contains("data-verdict=\"VALID\"").contains("Genuine and valid").contains(n).contains(i.holder());
        assertThat(en).contains("data-result=\"ok\"").contains("Your browser verified the signature");

        String zh = render(page, "zh-CN");
        assertThat(zh).contains("<html lang=\"zh-CN\">").contains("真实有效").contains("您的浏览器已依据公开的信任列表独立验证了签名");

        as(i.token()).body(Map.of("reasonCode", "FRAUD", "reasonText", "伪造检验报告"))
                .post("/api/v1/certificates/" + n + "/revoke").then().statusCode(200);

        String revoked = render(page, "en-US");
        assertThat(revoked).contains("data-verdict=\"REVOKED\"").contains("Revoked").contains("伪造检验报告");
        String revokedZh = render(page + "?lang=zh", "en-US");
        assertThat(revokedZh).contains("已撤销");
    }

    @Test
    void tamperedCodeIsNotGenuineInTheBrowserToo() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String qrUrl = anonymous().get("/api/v1/certificates/" + i.issue()).jsonPath().getString("qrUrl");
        String token = qrUrl.substring(qrUrl.indexOf("/V/") + 3);
        int k = token.length() - 20;
        String tampered = token.substring(0, k) + (token.charAt(k) == 'A' ? 'B' : 'A') + token.substring(k + 1);
        String dom = render(base.toString().replaceAll("/$", "") + "/V/" + tampered, "en-US");
        assertThat(dom).contains("data-verdict=\"NOT_GENUINE\"").contains("Not genuine").contains("data-result=\"failed\"");
    }
}
