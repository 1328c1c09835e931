package org.szmark.signin;

import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import org.szmark.web.Lang;

/** Wording of the sign-in and account pages, from {@code i18n/signin_<lang>.properties}, kept apart from the public pages'. */
@Singleton
public class SignInTexts {

    private final Map<Lang, Map<String, String>> texts = new EnumMap<>(Lang.class);

    public SignInTexts() {
        for (Lang l : Lang.values()) texts.put(l, load("i18n/signin_" + l.param() + ".properties"));
        if (!texts.get(Lang.ZH).keySet().equals(texts.get(Lang.EN).keySet())) {
            throw new IllegalStateException("i18n/signin_zh and signin_en must define the same keys");
        }
    }

    public Map<String, String> of(Lang lang) {
        return texts.get(lang);
    }

    private static Map<String, String> load(String resource) {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = SignInTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing " + resource);
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> m = new java.util.HashMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return Map.copyOf(m);
    }
}
