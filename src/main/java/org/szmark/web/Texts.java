package org.szmark.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import jakarta.inject.Singleton;

/** Page wording in both languages, from {@code i18n/pages_<lang>.properties} (UTF-8). */
@Singleton
public class Texts {

    private final Map<Lang, Map<String, String>> texts = new EnumMap<>(Lang.class);

    public Texts() {
        for (Lang l : Lang.values()) {
            texts.put(l, load("i18n/pages_" + l.param() + ".properties"));
        }
        if (!texts.get(Lang.ZH).keySet().equals(texts.get(Lang.EN).keySet())) {
            throw new IllegalStateException("i18n/pages_zh and pages_en must define the same keys");
        }
    }

    public Map<String, String> of(Lang lang) {
        return texts.get(lang);
    }

    /** One UTF-8 properties file of page wording (also the sign-in pages' own, i18n/signin_<lang>). */
    public static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing " + resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return Map.copyOf(m);
    }
}
