package org.szmark.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.szmark.account.TokenCodec;
import org.szmark.body.ApprovalNumber;
import org.szmark.enterprise.CreditCode;
import org.szmark.enterprise.Gtin;
import org.szmark.ident.IdentifierException;
import org.szmark.standard.StandardNumber;

/**
 * Identifiers typed by people and sent in requests: every input is either read or refused with an
 * {@link IdentifierException}; what is read prints in a normal form that reads back to the same value.
 */
class IdentifierFuzzTest {

    private static final int N = Fuzz.inputs();

    @Test
    void creditCodes() {
        List<String> seeds = new ArrayList<>(List.of("91440300MA5F7WCYXL", " 91440300ma5f7wcyxl ",
                "\uff19\uff11440300MA5F7WCYXL", "91440300MA5F7WCYX0", "914403OOMA5F7WCYXL"));
        Fuzz f = new Fuzz(Fuzz.seed());
        for (int i = 0; i < 20; i++) {
            seeds.add(validCreditCode(f));
        }
        Fuzz.Result r = Fuzz.run("credit code", N, g -> g.input(seeds, CreditCode.ALPHABET + "IOSVZ", 40), input -> {
            CreditCode legacy;
            try {
                legacy = CreditCode.parseLegacy(input);
            } catch (IdentifierException e) {
                // parse is parseLegacy plus the check character, so it must refuse too.
                expectRefused(() -> CreditCode.parse(input), input);
                throw e;
            }
            expect(CreditCode.parseLegacy(legacy.value()).equals(legacy), "normal form reads back", input);
            expect(legacy.value().length() == CreditCode.LENGTH, "18 characters", input);
            if (!legacy.checkValid()) {
                expectRefused(() -> CreditCode.parse(input), input);
                return false;
            }
            expect(CreditCode.parse(input).equals(legacy), "parse agrees with parseLegacy", input);
            return true;
        }, IdentifierException.class);
        assertBothOutcomes(r);

        Fuzz.run("credit code round trip", N, IdentifierFuzzTest::validCreditCode,
                code -> CreditCode.parse(code).value().equals(code) || fail("round trip", code));
    }

    @Test
    void standardNumbers() {
        List<String> seeds = List.of("GB 4943.1-2022", "GB/T 20004.1-2016", "GB/Z 1-2000", "DB4403/T 1-2019",
                "DB44/Z 123-2020", "SZDB/Z 12-2016", "T/SZWD 004-2019", "Q/ABC123 001-2021", "t/szua 003\u20142017",
                "T\uff0fSZWD\u3000004\uff0d2019", "  GB   4943.1.2.3.4-1949 ", "SJ/T 11-2019", "T/SZWD004-2019");
        Fuzz.Result r = Fuzz.run("standard number", N, g -> g.input(seeds, "ABDGQSTZ0123456789/ .-", 70), input -> {
            StandardNumber n = StandardNumber.parse(input);
            expect(StandardNumber.parse(n.toString()).equals(n), "normal form reads back", input);
            expect(StandardNumber.parse(n.toString()).toString().equals(n.toString()), "normal form is stable", input);
            return true;
        }, IdentifierException.class);
        assertBothOutcomes(r);

        // Generated in normal form, so reading and printing give the text back.
        Fuzz.run("standard number round trip", N, IdentifierFuzzTest::validStandardNumber, text -> {
            StandardNumber n = StandardNumber.parse(text);
            return (n.toString().equals(text) && StandardNumber.parse(n.toString()).equals(n)) || fail("round trip", text);
        });
    }

    @Test
    void approvalNumbers() {
        List<String> seeds = List.of("CNCA-R-2002-001", "CNCA-RF-2002-07", "cnca\u2014r\u20142020\u20140001",
                "\uff23NCA-R-2002-001", "CNCA-ABCD-2002-001", "CNCA-R-2000-001", "CNCA-R-02-001");
        Fuzz.Result r = Fuzz.run("approval number", N, g -> g.input(seeds, "CNAR-0123456789", 70), input -> {
            ApprovalNumber a = ApprovalNumber.parse(input);
            expect(ApprovalNumber.parse(a.toString()).equals(a), "normal form reads back", input);
            return true;
        }, IdentifierException.class);
        assertBothOutcomes(r);

        Fuzz.run("approval number round trip", N, g -> new ApprovalNumber(
                        letters(g, 1 + g.nextInt(3)),
                        ApprovalNumber.MIN_YEAR + g.nextInt(ApprovalNumber.MAX_YEAR - ApprovalNumber.MIN_YEAR + 1),
                        digits(g, 2 + g.nextInt(3))),
                a -> ApprovalNumber.parse(a.toString()).equals(a) || fail("round trip", a.toString()));
    }

    @Test
    void gtins() {
        Fuzz f = new Fuzz(Fuzz.seed());
        List<String> seeds = new ArrayList<>(List.of("4006381333931", "96385074", "036000291452", "10614141000415"));
        for (int i = 0; i < 20; i++) {
            seeds.add(validGtin(f));
        }
        // Never throws: a product's GTIN is optional data, checked with a yes or no.
        Fuzz.Result r = Fuzz.run("gtin", N, g -> g.input(seeds, "0123456789", 20), Gtin::isValid);
        assertBothOutcomes(r);

        // The mod-10 check digit catches every single-digit error (GS1 General Specifications §7.9).
        Fuzz.run("gtin round trip", N, IdentifierFuzzTest::validGtin, gtin -> {
            expect(Gtin.isValid(gtin), "a valid GTIN is accepted", gtin);
            int at = (int) (Math.abs((long) gtin.hashCode()) % gtin.length());
            char other = (char) ('0' + (gtin.charAt(at) - '0' + 1 + Math.abs(gtin.hashCode() % 9)) % 10);
            String typo = gtin.substring(0, at) + other + gtin.substring(at + 1);
            return !Gtin.isValid(typo) || fail("single-digit error not caught", typo);
        });
    }

    @Test
    void apiTokens() {
        List<String> seeds = List.of(TokenCodec.generate(), TokenCodec.generate(),
                "szmk_test-authority-token-0123456789abcdefghijklmn");
        // The bearer token's shape check runs before any lookup, on whatever the Authorization header holds.
        Fuzz.Result r = Fuzz.run("api token", N,
                g -> g.input(seeds, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 250), token -> {
                    boolean plausible = TokenCodec.plausible(token);
                    if (plausible) {
                        expect(TokenCodec.hash(token).matches("[0-9a-f]{64}"), "hash is SHA-256 hex", token);
                        expect(token.startsWith(TokenCodec.prefixOf(token)), "prefix is a prefix", token);
                    }
                    return plausible;
                });
        assertBothOutcomes(r);

        Fuzz.run("api token round trip", Math.min(N, 10_000), g -> TokenCodec.generate(), token ->
                (TokenCodec.plausible(token) && token.length() == TokenCodec.SCHEME.length() + 43
                        && TokenCodec.prefixOf(token).length() == TokenCodec.PREFIX_LENGTH) || fail("generated token", token));
    }

    static String validCreditCode(Fuzz g) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CreditCode.LENGTH - 1; i++) {
            b.append(CreditCode.ALPHABET.charAt(g.nextInt(CreditCode.ALPHABET.length())));
        }
        return b.append(CreditCode.checkCharacter(b.toString())).toString();
    }

    static String validStandardNumber(Fuzz g) {
        String code = switch (g.nextInt(6)) {
            case 0 -> g.pick(List.of("GB", "GB/T", "GB/Z"));
            case 1 -> "DB" + digits(g, 2 + g.nextInt(5)) + g.pick(List.of("", "/T", "/Z"));
            case 2 -> "SZDB/Z";
            case 3 -> "T/" + alnum(g, 2 + g.nextInt(9));
            default -> "Q/" + alnum(g, 1 + g.nextInt(20));
        };
        StringBuilder number = new StringBuilder(digits(g, 1 + g.nextInt(8)));
        // Further parts only while the whole stays within the parser's input limit.
        for (int parts = g.nextInt(5); parts > 0 && code.length() + number.length() + 16 <= StandardNumber.MAX_INPUT_LENGTH; parts--) {
            number.append('.').append(digits(g, 1 + g.nextInt(8)));
        }
        return code + " " + number + "-" + (StandardNumber.MIN_YEAR + g.nextInt(StandardNumber.MAX_YEAR - StandardNumber.MIN_YEAR + 1));
    }

    static String validGtin(Fuzz g) {
        int n = g.pick(List.of(8, 12, 13, 14));
        String body = digits(g, n - 1);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * ((n - 1 - i) % 2 == 1 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }

    static String digits(Fuzz g, int n) {
        return random(g, "0123456789", n);
    }

    static String letters(Fuzz g, int n) {
        return random(g, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", n);
    }

    static String alnum(Fuzz g, int n) {
        return random(g, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n);
    }

    private static String random(Fuzz g, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(g.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Fuzzing that never got past the parser, or never made it refuse, has tested little. */
    static void assertBothOutcomes(Fuzz.Result r) {
        assertThat(r.accepted()).as("inputs accepted").isPositive();
        assertThat(r.refused()).as("inputs refused").isPositive();
    }

    static void expect(boolean ok, String what, Object input) {
        if (!ok) {
            fail(what, input);
        }
    }

    static boolean fail(String what, Object input) {
        throw new AssertionError(what + " does not hold for " + Fuzz.show(input));
    }

    static void expectRefused(Runnable parse, String input) {
        try {
            parse.run();
        } catch (IdentifierException e) {
            return;
        }
        fail("refused by one parser but accepted by the other", input);
    }
}
