package org.szmark.verify;

import java.util.Map;

/**
 * The sentence for a reason code in one language: {@code reason.<code>} from the page texts, with
 * {@code {0}} replaced by the code's one value (an expiry date). A code the texts do not know (a record
 * older than its wording) reads as a neutral sentence, never as the raw code.
 */
public final class Reasons {
    private Reasons() {}

    public static String sentence(Map<String, String> texts, String code, Object value) {
        String s = code == null ? null : texts.get("reason." + code);
        if (s == null) s = texts.get("reason.unknown");
        return value == null ? s : s.replace("{0}", value.toString());
    }
}
