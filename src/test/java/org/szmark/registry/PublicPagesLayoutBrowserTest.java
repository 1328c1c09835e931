package org.szmark.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.szmark.support.Api.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.szmark.support.Api;
import org.szmark.support.Browser;

/**
 * The public pages at a phone's width (390 px) and a desktop's (1280 px), in both languages, measured in Chromium:
 * nothing runs off the screen, tables and charts fit their containers, chart text stays readable and the language
 * switch keeps to one line.
 */
@QuarkusTest
class PublicPagesLayoutBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void needsChromium() {
        Browser.assumeInstalled();
    }

    /** Elements wider than their container or the window, as "tag#id.class: widths"; empty when the page fits. */
    private static final String OVERFLOWS = """
            const w = document.documentElement.clientWidth, out = [];
            if (document.documentElement.scrollWidth > w + 1) out.push('page ' + document.documentElement.scrollWidth + '>' + w);
            for (const e of document.querySelectorAll('main, main *')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0) continue;
              const p = e.parentElement.getBoundingClientRect();
              const name = e.tagName + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '');
              if (r.right > w + 1) out.push(name + ' right ' + Math.round(r.right) + '>' + w);
              else if (['TABLE', 'OL', 'FORM', 'SECTION', 'FIGURE'].includes(e.tagName) && r.right > p.right + 1)
                out.push(name + ' ' + Math.round(r.right) + '>' + Math.round(p.right));
            }
            return out;""";

    private static final String SMALLEST_CHART_TEXT = """
            let min = 1000;
            for (const e of document.querySelectorAll('.bar-label, .bar-value')) min = Math.min(min, parseFloat(getComputedStyle(e).fontSize));
            return min;""";

    @Test
    void publicPagesFitPhonesAndDesktopsInBothLanguages() {
        Api.Issuer i = Api.newIssuer();
        String n = i.issue();
        String s = i.issue();
        as(i.token()).body(Map.of("reasonCode", "SPOT_CHECK_FAILED", "reasonText", "抽查不合格，包装标识与认证范围不符"))
                .post("/api/v1/certificates/" + s + "/suspend").then().statusCode(200);
        String root = base.toString().replaceAll("/$", "");
        List<String> paths = List.of("/search?q=" + i.holder(), "/standards", "/bodies", "/notices", "/stats", "/e/" + i.holder(), "/");
        for (int width : new int[] {390, 1280}) {
            for (String lang : new String[] {"zh", "en"}) {
                ChromeDriver d = Browser.open(width, 900, lang);
                try {
                    d.manage().window().setSize(new Dimension(width, 900));
                    for (String path : paths) {
                        String url = root + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
                        d.get(url);
                        @SuppressWarnings("unchecked")
                        List<Object> overflows = (List<Object>) d.executeScript(OVERFLOWS);
                        assertThat(overflows).as("%s at %d px", url, width).isEmpty();
                        Number lines = (Number) d.executeScript("return document.querySelector('header .lang').getClientRects().length");
                        Number height = (Number) d.executeScript("const e = document.querySelector('header .lang');"
                                + " return e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || 20);");
                        assertThat(lines.intValue()).as("language switch on %s", url).isEqualTo(1);
                        assertThat(height.doubleValue()).as("language switch height on %s", url).isLessThan(2.0);
                        if (path.equals("/stats")) {
                            Number min = (Number) d.executeScript(SMALLEST_CHART_TEXT);
                            assertThat(min.doubleValue()).as("chart text at %d px", width).isGreaterThanOrEqualTo(12.0);
                        }
                    }
                } finally {
                    d.quit();
                }
            }
        }
        // the page is what was asked for, not an error page
        ChromeDriver d = Browser.open(390, 900, "zh");
        try {
            d.get(root + "/search?q=" + n + "&lang=zh");
            assertThat(d.getPageSource()).contains(n);
        } finally {
            d.quit();
        }
    }
}
