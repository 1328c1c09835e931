package org.szmark.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.szmark.enterprise.CreditCode;
import org.szmark.standard.StandardNumber;

class QrTokenTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = {0x0A, 0x1B, 0x2C, 0x3D};

    /** Worked example of docs/qr-token.md: fixed inputs and the dummy signature 00 01 02 … 3F. */
    private static final String EXAMPLE_CLAIMS_HEX =
            "010a1b2c3d26f04848400c00aa8af3f19eed276907c110009a19043d9000024beedd37f3784007b2800c40";
    private static final String EXAMPLE_TOKEN =
            "AEFBWLB5E3YEQSCABQAKVCXT6GPO2J3JA7ARAAE2DECD3EAAAJF65XJX6N4EAB5SQAGEAAABAIBQIBIGA4EASCQLBQGQ4D"
                    + "YQCEJBGFAVCYLRQGI2DMOB2HQ7EAQSEIZEEUTCOKBJFIVSYLJOF4YDCMRTGQ2TMNZYHE5DWPB5HY7Q";

    private static QrClaims example() {
        return new QrClaims(KEY, "SZBZ-001-2024-00019", "91440300MA5F7WCYXL", "T/SZWD 004-2019", LocalDate.of(2027, 4, 17));
    }

    private static byte[] dummySignature() {
        byte[] s = new byte[64];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) i;
        }
        return s;
    }

    private static byte[] randomSignature(long seed) {
        byte[] s = new byte[64];
        new Random(seed).nextBytes(s);
        return s;
    }

    /** The certificates of shared/fixtures/demo-records.json: number, holder, basis standard (as written there), expiry. */
    static Stream<QrClaims> demoCertificates() {
        String[][] rows = {
                {"SZBZ-001-2021-00012", "91440300MA5DRN7K6G", "T/SZUA 003—2017", "2024-09-14"},
                {"SZBZ-001-2022-00037", "91440300MA5FQ2L86U", "Q/LYWRJ 002—2018", "2025-11-01"},
                {"SZBZ-002-2023-00008", "91440300MA5EB6HT0G", "T/SZBV 001—2018", "2026-03-19"},
                {"SZBZ-002-2023-00021", "91440300MA5G0P3WXP", "Q/CHDD 005—2019", "2026-05-07"},
                {"SZBZ-001-2024-00005", "91440300MA5DK81U0G", "T/SZIR 002—2017", "2027-01-09"},
                {"SZBZ-001-2024-00019", "91440300MA5F7WCYXL", "T/SZWD 004—2019", "2027-04-17"},
                {"SZBZ-002-2024-00033", "91440300MA5HR4N220", "Q/CDJK 001—2022", "2027-06-30"},
                {"SZBZ-001-2023-00044", "91440300MA5EU9JB81", "T/SZGB 006—2020", "2026-11-30"},
        };
        return Arrays.stream(rows).map(r -> new QrClaims(KEY, r[0], CreditCode.parse(r[1]).value(),
                StandardNumber.parse(r[2]).toString(), LocalDate.parse(r[3])));
    }

    // ---- the specification's worked example -------------------------------------------------------------

    @Test
    void workedExampleClaimsBytes() {
        assertThat(HEX.formatHex(QrToken.claimsBytes(example()))).isEqualTo(EXAMPLE_CLAIMS_HEX);
        assertThat(ChronoUnit.DAYS.between(QrToken.EPOCH, example().expiry())).isEqualTo(9968);
    }

    @Test
    void workedExampleToken() {
        String token = QrToken.encode(example(), dummySignature());
        assertThat(token).isEqualTo(EXAMPLE_TOKEN).hasSize(172);
        DecodedToken d = QrToken.decode(EXAMPLE_TOKEN);
        assertThat(d.claims()).isEqualTo(example());
        assertThat(HEX.formatHex(d.claimsBytes())).isEqualTo(EXAMPLE_CLAIMS_HEX);
        assertThat(d.signature()).isEqualTo(dummySignature());
    }

    // ---- round trips ------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("demoCertificates")
    void demoCertificatesRoundTrip(QrClaims claims) {
        byte[] sig = randomSignature(claims.hashCode());
        String token = QrToken.encode(claims, sig);
        DecodedToken d = QrToken.decode(token);
        assertThat(d.claims()).isEqualTo(claims);
        assertThat(d.claimsBytes()).isEqualTo(QrToken.claimsBytes(claims));
        assertThat(d.signature()).isEqualTo(sig);
        assertThat(QrToken.encode(d.claims(), d.signature())).isEqualTo(token);
        assertThat(token).matches("[A-Z2-7]+").hasSizeLessThanOrEqualTo(QrToken.MAX_TOKEN_LENGTH);
        assertThat(QrToken.labelUrl("https://szmark.example.cn", token)).hasSizeLessThanOrEqualTo(221);
    }

    @ParameterizedTest
    @MethodSource("demoCertificates")
    void decodingIgnoresLetterCase(QrClaims claims) {
        String token = QrToken.encode(claims, randomSignature(7));
        DecodedToken upper = QrToken.decode(token);
        assertThat(QrToken.decode(token.toLowerCase())).isEqualTo(upper);
        StringBuilder mixed = new StringBuilder(token);
        for (int i = 0; i < mixed.length(); i += 2) {
            mixed.setCharAt(i, Character.toLowerCase(mixed.charAt(i)));
        }
        assertThat(QrToken.decode(mixed.toString())).isEqualTo(upper);
    }

    @Test
    void everyTextCharacterAtEveryLengthRoundTrips() {
        String alphabet = QrToken.TEXT_ALPHABET;
        for (int length = 1; length <= QrToken.MAX_CERTIFICATE_NUMBER_LENGTH; length++) {
            for (int shift = 0; shift < alphabet.length(); shift++) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    sb.append(alphabet.charAt((shift + i * 7) % alphabet.length()));
                }
                String text = sb.toString();
                QrClaims c = new QrClaims(KEY, text, "91440300MA5DRN7K6G", new StringBuilder(text).reverse().toString(),
                        LocalDate.of(2030, 1, 1));
                assertThat(QrToken.decode(QrToken.encode(c, dummySignature())).claims()).isEqualTo(c);
            }
        }
    }

    @Test
    void extremesOfTheTextAlphabetRoundTrip() {
        for (String text : List.of("0", "/", "00", "//", "000", "///", "/".repeat(27), "0".repeat(27))) {
            QrClaims c = new QrClaims(KEY, text, "000000000000000000", text, QrToken.EPOCH);
            assertThat(QrToken.decode(QrToken.encode(c, dummySignature())).claims()).isEqualTo(c);
            QrClaims d = new QrClaims(KEY, text, "YYYYYYYYYYYYYYYYYY", text, QrToken.MAX_EXPIRY);
            assertThat(QrToken.decode(QrToken.encode(d, dummySignature())).claims()).isEqualTo(d);
        }
    }

    @Test
    void legacyCreditCodeWithWrongCheckCharacterCanBeCarried() {
        QrClaims c = new QrClaims(KEY, "SZBZ-001-2024-00019", "91440300MA5DRN7K6H", "T/SZWD 004-2019", LocalDate.of(2027, 4, 17));
        assertThat(QrToken.decode(QrToken.encode(c, dummySignature())).claims().creditCode()).isEqualTo("91440300MA5DRN7K6H");
    }

    @Test
    void claimsAreUpperCasedOnConstruction() {
        QrClaims lower = new QrClaims(KEY, "szbz-001-2024-00019", "91440300ma5f7wcyxl", "t/szwd 004-2019", LocalDate.of(2027, 4, 17));
        assertThat(lower).isEqualTo(example()).hasSameHashCodeAs(example());
        assertThat(QrToken.encode(lower, dummySignature())).isEqualTo(EXAMPLE_TOKEN);
    }

    // ---- corruption: every change fails or changes what was signed -----------------------------------

    @ParameterizedTest
    @MethodSource("demoCertificates")
    void everySingleCharacterChangeFailsOrChangesTheSignedContent(QrClaims claims) {
        byte[] sig = randomSignature(42);
        String token = QrToken.encode(claims, sig);
        byte[] claimsBytes = QrToken.claimsBytes(claims);
        // Characters 1..k carry only claims bits when 5k <= 8 × claims length.
        int claimsOnlyChars = claimsBytes.length * 8 / 5;
        String candidates = Base32.ALPHABET + "01890=-. /$*+:%#";
        int decodedAfterChange = 0;
        for (int pos = 0; pos < token.length(); pos++) {
            for (char c : candidates.toCharArray()) {
                if (c == token.charAt(pos)) {
                    continue;
                }
                String changed = token.substring(0, pos) + c + token.substring(pos + 1);
                DecodedToken d;
                try {
                    d = QrToken.decode(changed);
                } catch (TokenException e) {
                    continue;
                }
                decodedAfterChange++;
                boolean claimsDiffer = !Arrays.equals(d.claimsBytes(), claimsBytes);
                boolean signatureDiffers = !Arrays.equals(d.signature(), sig);
                assertThat(claimsDiffer || signatureDiffers).as("position %d -> %s", pos, c).isTrue();
                if (pos < claimsOnlyChars) {
                    assertThat(claimsDiffer).as("position %d -> %s", pos, c).isTrue();
                    assertThat(d.claims()).isNotEqualTo(claims);
                }
            }
        }
        // Changes inside the signature still decode; the test above must have seen some.
        assertThat(decodedAfterChange).isGreaterThan(100 * 30);
    }

    @ParameterizedTest
    @MethodSource("demoCertificates")
    void everySingleCharacterDeletionFailsOrChangesTheSignedContent(QrClaims claims) {
        byte[] sig = randomSignature(43);
        String token = QrToken.encode(claims, sig);
        byte[] claimsBytes = QrToken.claimsBytes(claims);
        for (int pos = 0; pos < token.length(); pos++) {
            String changed = token.substring(0, pos) + token.substring(pos + 1);
            try {
                DecodedToken d = QrToken.decode(changed);
                assertThat(!Arrays.equals(d.claimsBytes(), claimsBytes) || !Arrays.equals(d.signature(), sig))
                        .as("deleting position %d", pos).isTrue();
            } catch (TokenException expected) {
                // refused
            }
        }
    }

    @ParameterizedTest
    @MethodSource("demoCertificates")
    void everyTruncationFails(QrClaims claims) {
        String token = QrToken.encode(claims, randomSignature(44));
        for (int length = 0; length < token.length(); length++) {
            String prefix = token.substring(0, length);
            TokenException e = catchThrowableOfType(TokenException.class, () -> QrToken.decode(prefix));
            assertThat(e).as("prefix of %d characters", length).isNotNull();
            assertThat(e.reason()).isIn(TokenException.Reason.TRUNCATED, TokenException.Reason.MALFORMED,
                    TokenException.Reason.NON_CANONICAL);
        }
        // A whole number of bytes short of the signature is reported as truncation.
        assertThat(catchThrowableOfType(TokenException.class, () -> QrToken.decode(token.substring(0, token.length() - 8))).reason())
                .isEqualTo(TokenException.Reason.TRUNCATED);
    }

    @Test
    void appendedDataIsRefused() {
        // 172 + 2 = 174 characters: a final quantum of 6 characters cannot come from whole bytes.
        assertThat(reasonOf(EXAMPLE_TOKEN + "AA")).isEqualTo(TokenException.Reason.MALFORMED);
        // 173 characters = 108 bytes and 1 zero bit: one byte after the signature.
        assertThat(reasonOf(EXAMPLE_TOKEN + "A")).isEqualTo(TokenException.Reason.TRAILING_DATA);
        assertThat(reasonOf(EXAMPLE_TOKEN + "AAAAAAAA")).isEqualTo(TokenException.Reason.TRAILING_DATA);
        assertThat(reasonOf(EXAMPLE_TOKEN + "A".repeat(QrToken.MAX_INPUT_LENGTH - EXAMPLE_TOKEN.length() + 1)))
                .isEqualTo(TokenException.Reason.TOO_LONG);
    }

    @Test
    void nonZeroPaddingBitsInTheLastCharacterAreRefused() {
        // 107 bytes = 856 bits in 172 characters: the last character carries 1 data bit and 4 zero bits.
        assertThat(EXAMPLE_TOKEN).endsWith("Q");
        for (char last : "RSTUVWXYZ234567".toCharArray()) {
            String changed = EXAMPLE_TOKEN.substring(0, EXAMPLE_TOKEN.length() - 1) + last;
            assertThat(reasonOf(changed)).as("last character %s", last).isEqualTo(TokenException.Reason.NON_CANONICAL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "-", " ", "0", "1", "8", "9", "é", "\u0000"})
    void nonBase32CharactersAreRefused(String bad) {
        String changed = EXAMPLE_TOKEN.substring(0, 10) + bad + EXAMPLE_TOKEN.substring(11);
        TokenException e = catchThrowableOfType(TokenException.class, () -> QrToken.decode(changed));
        assertThat(e.reason()).isEqualTo(TokenException.Reason.MALFORMED);
        assertThat(e.getMessage()).contains("Character 11");
    }

    @Test
    void paddedTokenIsRefused() {
        assertThat(reasonOf(EXAMPLE_TOKEN + "====")).isEqualTo(TokenException.Reason.MALFORMED);
    }

    @Test
    void emptyAndNullAreRefused() {
        assertThat(reasonOf("")).isEqualTo(TokenException.Reason.TRUNCATED);
        assertThat(reasonOf(null)).isEqualTo(TokenException.Reason.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 0x81, 0xFF})
    void otherVersionsAreRefused(int version) {
        byte[] bytes = HEX.parseHex(EXAMPLE_CLAIMS_HEX + HEX.formatHex(dummySignature()));
        bytes[0] = (byte) version;
        assertThat(reasonOf(Base32.encode(bytes))).isEqualTo(TokenException.Reason.UNSUPPORTED_VERSION);
        // Even a token cut right after the version byte says which version it is.
        assertThat(reasonOf(Base32.encode(new byte[] {(byte) version}))).isEqualTo(TokenException.Reason.UNSUPPORTED_VERSION);
    }

    // ---- hand-built streams with values no encoder writes ---------------------------------------------

    /** Writes version, key, expiry and credit code symbols; the caller adds the rest. */
    private static BitWriter header(int symbol) {
        BitWriter w = new BitWriter();
        w.write(1, 8);
        w.write(0x0A1B2C3DL, 32);
        w.write(9968, 16);
        for (int i = 0; i < 18; i++) {
            w.write(i == 5 ? symbol : 9, 5);
        }
        return w;
    }

    private static String withSignature(byte[] claims) {
        byte[] all = Arrays.copyOf(claims, claims.length + 64);
        return Base32.encode(all);
    }

    @Test
    void handBuiltStreamIsAcceptedWhenCanonical() {
        BitWriter w = header(30);
        w.write(1, 5);
        w.write(39, 6);
        w.write(2, 5);
        w.write(1599, 11);
        DecodedToken d = QrToken.decode(withSignature(w.toByteArray()));
        assertThat(d.claims().certificateNumber()).isEqualTo("/");
        assertThat(d.claims().standardNumber()).isEqualTo("//");
        assertThat(d.claims().creditCode()).isEqualTo("99999Y999999999999");
    }

    @Test
    void creditCodeSymbol31IsRefused() {
        BitWriter w = header(31);
        w.write(1, 5);
        w.write(1, 6);
        w.write(1, 5);
        w.write(1, 6);
        assertThat(reasonOf(withSignature(w.toByteArray()))).isEqualTo(TokenException.Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 28, 31})
    void textLengthOutsideTheLimitsIsRefused(int length) {
        BitWriter w = header(0);
        w.write(length, 5);
        for (int i = 0; i < 12; i++) {
            w.write(0, 16);
        }
        assertThat(reasonOf(withSignature(w.toByteArray()))).isEqualTo(TokenException.Reason.MALFORMED);
    }

    @Test
    void textGroupValuesNoEncoderWritesAreRefused() {
        for (int[] group : new int[][] {{3, 16, 64000}, {3, 16, 65535}, {2, 11, 1600}, {2, 11, 2047}, {1, 6, 40}, {1, 6, 63}}) {
            BitWriter cert = header(0);
            cert.write(group[0], 5);
            cert.write(group[2], group[1]);
            cert.write(1, 5);
            cert.write(1, 6);
            assertThat(reasonOf(withSignature(cert.toByteArray()))).as("certificate %s", Arrays.toString(group))
                    .isEqualTo(TokenException.Reason.MALFORMED);

            BitWriter std = header(0);
            std.write(1, 5);
            std.write(1, 6);
            std.write(group[0], 5);
            std.write(group[2], group[1]);
            assertThat(reasonOf(withSignature(std.toByteArray()))).as("standard %s", Arrays.toString(group))
                    .isEqualTo(TokenException.Reason.MALFORMED);
        }
    }

    @Test
    void nonZeroPaddingAfterTheClaimsIsRefused() {
        // 146 + 5 + 6 + 5 + 6 = 168 bits: already whole bytes, so use one 2-character field to leave 3 pad bits.
        BitWriter w = header(0);
        w.write(1, 5);
        w.write(1, 6);
        w.write(2, 5);
        w.write(41, 11);
        w.write(0b101, 3);
        byte[] claims = w.toByteArray();
        assertThat(claims).hasSize(22);
        assertThat(reasonOf(withSignature(claims))).isEqualTo(TokenException.Reason.NON_CANONICAL);

        BitWriter ok = header(0);
        ok.write(1, 5);
        ok.write(1, 6);
        ok.write(2, 5);
        ok.write(41, 11);
        assertThat(QrToken.decode(withSignature(ok.toByteArray())).claims().standardNumber()).isEqualTo("11");
    }

    private static TokenException.Reason reasonOf(String token) {
        TokenException e = catchThrowableOfType(TokenException.class, () -> QrToken.decode(token));
        assertThat(e).as("decoding should fail").isNotNull();
        return e.reason();
    }

    // ---- what can be encoded -------------------------------------------------------------------------

    @Test
    void encodable() {
        assertThat(QrToken.encodable("SZBZ-001-2024-00019")).isTrue();
        assertThat(QrToken.encodable("T/SZWD 004-2019")).isTrue();
        assertThat(QrToken.encodable("GB/T 20004.1-2016")).isTrue();
        assertThat(QrToken.encodable("szbz-001-2024-00019")).isTrue(); // upper-cased first
        assertThat(QrToken.encodable("A".repeat(27))).isTrue();
        assertThat(QrToken.encodable("A".repeat(28))).isFalse();
        assertThat(QrToken.encodable("")).isFalse();
        assertThat(QrToken.encodable(null)).isFalse();
        for (String bad : List.of("#", "SZBZ#001", "证书001", "SZBZ_001", "SZBZ,001", "SZBZ\t001", "SZBZ:001",
                "SZBZ%001", "SZBZ\u0131", "ＳＺＢＺ", "T/SZWD 004—2019")) {
            assertThat(QrToken.encodable(bad)).as(bad).isFalse();
        }
        assertThat(QrToken.certificateNumberEncodable("A".repeat(QrToken.MAX_CERTIFICATE_NUMBER_LENGTH))).isTrue();
        assertThat(QrToken.certificateNumberEncodable("A".repeat(QrToken.MAX_CERTIFICATE_NUMBER_LENGTH + 1))).isFalse();
        assertThat(QrToken.standardNumberEncodable("A".repeat(QrToken.MAX_STANDARD_NUMBER_LENGTH))).isTrue();
        assertThat(QrToken.standardNumberEncodable("A".repeat(QrToken.MAX_STANDARD_NUMBER_LENGTH + 1))).isFalse();
        assertThat(QrToken.expiryEncodable(QrToken.EPOCH)).isTrue();
        assertThat(QrToken.expiryEncodable(LocalDate.of(2179, 6, 6))).isTrue();
        assertThat(QrToken.expiryEncodable(LocalDate.of(2179, 6, 7))).isFalse();
        assertThat(QrToken.expiryEncodable(LocalDate.of(1999, 12, 31))).isFalse();
    }

    @Test
    void encoderRefusesWhatItCannotCarry() {
        LocalDate d = LocalDate.of(2027, 4, 17);
        String cc = "91440300MA5F7WCYXL";
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "SZBZ#1", cc, "T/SZWD 004-2019", d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificate number");
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "X".repeat(28), cc, "T/SZWD 004-2019", d)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "", cc, "T/SZWD 004-2019", d)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "SZBZ-1", cc, "T/SZWD 004—2019", d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard number");
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "SZBZ-1", "91440300MA5F7WCYXI", "T/SZWD 004-2019", d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credit code");
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "SZBZ-1", "91440300MA5F7WCYX", "T/SZWD 004-2019", d)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "SZBZ-1", cc, "T/SZWD 004-2019", LocalDate.of(1999, 12, 31))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(KEY, "SZBZ-1", cc, "T/SZWD 004-2019", LocalDate.of(2179, 6, 7))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrToken.claimsBytes(new QrClaims(2, KEY, "SZBZ-1", cc, "T/SZWD 004-2019", d)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrToken.encode(example(), new byte[63])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrToken.encode(example(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QrClaims(new byte[3], "SZBZ-1", cc, "T/SZWD 004-2019", d))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreImmutable() {
        byte[] key = KEY.clone();
        QrClaims c = new QrClaims(key, "SZBZ-1", "91440300MA5F7WCYXL", "T/SZWD 004-2019", LocalDate.of(2027, 4, 17));
        key[0] = 0;
        c.keyIdPrefix()[1] = 0;
        assertThat(c.keyIdPrefix()).isEqualTo(KEY);
        DecodedToken d = QrToken.decode(EXAMPLE_TOKEN);
        d.signature()[0] = 9;
        d.claimsBytes()[0] = 9;
        assertThat(d.signature()).isEqualTo(dummySignature());
        assertThat(HEX.formatHex(d.claimsBytes())).isEqualTo(EXAMPLE_CLAIMS_HEX);
    }

    // ---- size budget: the label URL fits QR version 10 at level Q -------------------------------------

    private static QrClaims worstCase(char fill) {
        return new QrClaims(new byte[] {-1, -1, -1, -1},
                String.valueOf(fill).repeat(QrToken.MAX_CERTIFICATE_NUMBER_LENGTH), "YYYYYYYYYYYYYYYYYY",
                String.valueOf(fill).repeat(QrToken.MAX_STANDARD_NUMBER_LENGTH), QrToken.MAX_EXPIRY);
    }

    @Test
    void tokenLengthNeverExceedsTheMaximum() {
        int longest = 0;
        for (int lc = 1; lc <= QrToken.MAX_CERTIFICATE_NUMBER_LENGTH; lc++) {
            for (int ls = 1; ls <= QrToken.MAX_STANDARD_NUMBER_LENGTH; ls++) {
                QrClaims c = new QrClaims(KEY, "9".repeat(lc), "91440300MA5F7WCYXL", "9".repeat(ls), LocalDate.of(2027, 4, 17));
                longest = Math.max(longest, QrToken.encode(c, dummySignature()).length());
            }
        }
        assertThat(longest).isEqualTo(QrToken.MAX_TOKEN_LENGTH).isEqualTo(192);
        assertThat(QrToken.encode(worstCase('/'), dummySignature())).hasSize(QrToken.MAX_TOKEN_LENGTH);
        assertThat(QrToken.MAX_BASE_URL_LENGTH).isEqualTo(26);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://szbz.example.com", // 24 characters
            "https://szmark.example.cn", // 25
            "https://szmark.example.org", // 26 = MAX_BASE_URL_LENGTH
    })
    void worstCaseLabelUrlFitsVersion10AtLevelQ(String base) throws WriterException {
        assertThat(base.length()).isBetween(24, QrToken.MAX_BASE_URL_LENGTH);
        for (char fill : new char[] {'/', '0', 'Z', ' '}) {
            byte[] sig = new byte[64];
            Arrays.fill(sig, (byte) 0xFF);
            String url = QrToken.labelUrl(base, QrToken.encode(worstCase(fill), sig));
            assertThat(url).hasSize(base.length() + 3 + QrToken.MAX_TOKEN_LENGTH);
            QRCode qr = Encoder.encode(url, ErrorCorrectionLevel.Q);
            assertThat(qr.getMode()).isEqualTo(Mode.ALPHANUMERIC);
            assertThat(qr.getVersion().getVersionNumber()).as(url).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void oneCharacterMoreInTheBaseUrlNeedsVersion11() throws WriterException {
        // The budget is exact: this shows the measurement above can fail.
        String base = "https://szmark.example.orgx";
        String url = QrToken.labelUrl(base, QrToken.encode(worstCase('/'), dummySignature()));
        assertThat(url).hasSize(222);
        assertThat(Encoder.encode(url, ErrorCorrectionLevel.Q).getVersion().getVersionNumber()).isEqualTo(11);
    }

    @Test
    void labelUrl() {
        assertThat(QrToken.labelUrl("https://szmark.example.cn/", "aefb")).isEqualTo("HTTPS://SZMARK.EXAMPLE.CN/V/AEFB");
        assertThat(QrToken.labelUrl("HTTPS://SZMARK.EXAMPLE.CN:8443", "AE")).isEqualTo("HTTPS://SZMARK.EXAMPLE.CN:8443/V/AE");
        for (String bad : List.of("https://sz mark.cn", "https://szmark.cn/%41", "https://szmark.cn/?q", "https://sz_mark.cn")) {
            assertThatThrownBy(() -> QrToken.labelUrl(bad, "AE")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> QrToken.labelUrl("https://szmark.cn", "AE=")).isInstanceOf(IllegalArgumentException.class);
    }
}
