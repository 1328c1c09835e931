package org.szmark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.anonymous;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.szmark.support.Api;
import org.szmark.support.Chromium;

/** The enterprise page in headless Chromium: the badge is embedded and leads to the verification page. */
@QuarkusTest
class EnterprisePageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void needsChromium() {
        Chromium.assumeInstalled();
    }

    @Test
    void badgeIsEmbeddedAndLinksToTheVerificationPage() throws Exception {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String root = base.toString().replaceAll("/$", "");
        String dom = Chromium.render(root + "/e/" + i.holder(), "en-US");
        Matcher m = Pattern.compile("<a class=\"badge-link\" href=\"([^\"]+)\"><img class=\"badge\" src=\"/badge/" + Pattern.quote(n)
                + "\\.svg\"").matcher(dom);
        assertThat(m.find()).as("badge link in\n" + dom).isTrue();
        String href = m.group(1);
        assertThat(href).isEqualTo(anonymous().get("/api/v1/certificates/" + n).jsonPath().getString("qrUrl"));

        // the badge itself renders as an image in the browser
        String badge = Chromium.render(root + "/badge/" + n + ".svg", "en-US");
        assertThat(badge).contains("有效 valid");

        // following the link (on this server) lands on the verification page with a valid verdict
        String verify = Chromium.render(root + href.substring(href.indexOf("/V/")), "en-US");
        assertThat(verify).contains("data-verdict=\"VALID\"").contains(n);
    }
}
