package org.szmark.verify;

import org.szmark.certificate.ReasonCode;
import org.szmark.web.Msg;

/**
 * The sentence for a reason code in one language: a certificate's {@link ReasonCode} or the registry's
 * {@link VerificationCode}, an expiry with its date where it is known. A code neither names (a record
 * older than its wording) reads as a neutral sentence, never as the raw code.
 */
public final class Reasons {
    private Reasons() {}

    public static String sentence(Msg m, String code, Object value) {
        if (code == null) return m.reasonUnknown();
        if (code.equals(VerificationCode.EXPIRED.name()) && value != null) return m.reasonExpiredOn(value.toString());
        for (ReasonCode c : ReasonCode.values()) {
            if (c.name().equals(code)) return m.reason(c);
        }
        for (VerificationCode c : VerificationCode.values()) {
            if (c.name().equals(code)) return m.verification(c);
        }
        return m.reasonUnknown();
    }
}
