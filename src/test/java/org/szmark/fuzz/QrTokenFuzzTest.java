package org.szmark.fuzz;

import static org.szmark.fuzz.IdentifierFuzzTest.assertBothOutcomes;
import static org.szmark.fuzz.IdentifierFuzzTest.expect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.szmark.ident.IdentifierText;
import org.szmark.qr.DecodedToken;
import org.szmark.qr.QrClaims;
import org.szmark.qr.QrToken;
import org.szmark.qr.TokenException;

/**
 * The token a scanned label carries, which anyone can type or forge: decoding either gives claims or
 * refuses with a {@link TokenException}, and every token it accepts is the one token of its claims
 * (docs/qr-token.md), up to letter case.
 */
class QrTokenFuzzTest {

    private static final int N = Fuzz.inputs();
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @Test
    void decode() {
        Fuzz f = new Fuzz(Fuzz.seed());
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            seeds.add(token(f));
        }
        seeds.add(seeds.get(0).toLowerCase());
        Fuzz.Result r = Fuzz.run("qr token", N, g -> g.input(seeds, BASE32 + BASE32.toLowerCase(), 450), input -> {
            DecodedToken d = QrToken.decode(input);
            String again = QrToken.encode(d.claims(), d.signature());
            expect(again.equals(IdentifierText.upperAscii(input)), "an accepted token is the canonical one", input);
            expect(QrToken.decode(again).equals(d), "the canonical token decodes the same", input);
            return true;
        }, TokenException.class);
        assertBothOutcomes(r);
    }

    @Test
    void roundTrip() {
        Fuzz.run("qr token round trip", N, QrTokenFuzzTest::token, token -> {
            DecodedToken d = QrToken.decode(token);
            byte[] claims = QrToken.claimsBytes(d.claims());
            expect(Arrays.equals(claims, d.claimsBytes()), "claims bytes are what was signed", token);
            return QrToken.encode(d.claims(), d.signature()).equals(token) || IdentifierFuzzTest.fail("round trip", token);
        });
    }

    /** A token for random valid claims with a random signature (decoding does not verify signatures). */
    static String token(Fuzz g) {
        byte[] key = new byte[QrToken.KEY_ID_PREFIX_LENGTH];
        g.random().nextBytes(key);
        byte[] signature = new byte[QrToken.SIGNATURE_LENGTH];
        g.random().nextBytes(signature);
        LocalDate expiry = QrToken.EPOCH.plusDays(g.random().nextInt(0x10000));
        QrClaims claims = new QrClaims(key, text(g, QrToken.MAX_CERTIFICATE_NUMBER_LENGTH),
                IdentifierFuzzTest.validCreditCode(g), text(g, QrToken.MAX_STANDARD_NUMBER_LENGTH), expiry);
        return QrToken.encode(claims, signature);
    }

    private static String text(Fuzz g, int max) {
        int n = 1 + g.nextInt(max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(QrToken.TEXT_ALPHABET.charAt(g.nextInt(QrToken.TEXT_ALPHABET.length())));
        }
        return sb.toString();
    }
}
