package org.szmark.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The links of the authority's and an enterprise's console frames ({@code {nav:bodies}}), in
 * {@code messages/nav_zh_CN.properties} (default) and {@code messages/nav_en.properties}, checked like {@link Msg}
 * by MessageKeysTest. A bundle of its own: Quarkus generates one resolver method per bundle, and one bundle much
 * larger than Msg no longer loads.
 */
@MessageBundle(value = "nav", locale = "zh-CN")
public interface ConsoleNav {
    @Message String authorityTitle();
    @Message String enterpriseTitle();
    @Message String dashboard();
    @Message String bodies();
    @Message String standards();
    @Message String notices();
    @Message String accounts();
    @Message String auditTrail();
    @Message String certificates();
    @Message String labels();
    @Message String badges();
    @Message String webhooks();
    @Message String profile();
}
