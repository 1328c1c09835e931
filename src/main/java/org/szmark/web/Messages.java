package org.szmark.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/** The page wording of a language for Java code that builds page models (templates use {@code msg:}). */
@Singleton
public class Messages {

    private final Map<Lang, Msg> bundles = new EnumMap<>(Lang.class);

    @PostConstruct
    void load() {
        bundles.put(Lang.ZH, MessageBundles.get(Msg.class));
        bundles.put(Lang.EN, MessageBundles.get(Msg.class, Localized.Literal.of(Lang.EN.tag)));
    }

    public Msg of(Lang lang) {
        return bundles.get(lang);
    }
}
