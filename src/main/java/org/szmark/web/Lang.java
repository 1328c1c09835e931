package org.szmark.web;

import java.util.Locale;

/** Page language: an explicit {@code ?lang=} wins, else the first supported Accept-Language entry. */
public enum Lang {
    ZH("zh-CN"), EN("en");

    public final String tag;
    /** The locale the page's templates render in: it picks the message bundle {@code msg:} reads. */
    public final Locale locale;

    Lang(String tag) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(tag);
    }

    public static Lang choose(String explicit, String acceptLanguage) {
        if (explicit != null) {
            String e = explicit.trim().toLowerCase(Locale.ROOT);
            if (e.startsWith("zh")) return ZH;
            if (e.startsWith("en")) return EN;
        }
        if (acceptLanguage != null) {
            // Entries are in the caller's order of preference when q-values are absent, which is the usual case.
            double best = -1;
            Lang chosen = null;
            for (String part : acceptLanguage.split(",", 20)) {
                // Limit -1: an entry of only ';' would otherwise split into no pieces at all.
                String[] pieces = part.trim().split(";", -1);
                String range = pieces[0].trim().toLowerCase(Locale.ROOT);
                double q = 1.0;
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].trim();
                    if (p.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException ignored) {
                            q = 0;
                        }
                    }
                }
                Lang l = range.startsWith("zh") ? ZH : range.startsWith("en") ? EN : null;
                if (l != null && q > best) {
                    best = q;
                    chosen = l;
                }
            }
            if (chosen != null) return chosen;
        }
        return EN;
    }

    /** A record's name in this language: the English one on English pages when there is one, else the Chinese. */
    public String pick(String zh, String en) {
        return this == EN && en != null && !en.isBlank() ? en : zh;
    }

    public Lang other() {
        return this == ZH ? EN : ZH;
    }

    public String param() {
        return this == ZH ? "zh" : "en";
    }
}
