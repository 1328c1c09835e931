package org.szmark.signin;

import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import org.szmark.web.Lang;
import org.szmark.web.Texts;

/** Wording of the sign-in and account pages, from {@code i18n/signin_<lang>.properties}, kept apart from the public pages'. */
@Singleton
public class SignInTexts {

    private final Map<Lang, Map<String, String>> texts = new EnumMap<>(Lang.class);

    public SignInTexts() {
        for (Lang l : Lang.values()) texts.put(l, Texts.load("i18n/signin_" + l.param() + ".properties"));
        if (!texts.get(Lang.ZH).keySet().equals(texts.get(Lang.EN).keySet())) {
            throw new IllegalStateException("i18n/signin_zh and signin_en must define the same keys");
        }
    }

    public Map<String, String> of(Lang lang) {
        return texts.get(lang);
    }
}
