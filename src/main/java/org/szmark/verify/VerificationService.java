package org.szmark.verify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.HexFormat;
import java.util.Optional;
import org.szmark.body.BodyStatus;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateRepository;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViewer;
import org.szmark.certificate.CertificateViews.CertificateView;
import org.szmark.crypto.Ed25519;
import org.szmark.enterprise.Enterprise;
import org.szmark.ident.IdentifierText;
import org.szmark.keys.BodyKey;
import org.szmark.keys.BodyKeyService;
import org.szmark.keys.KeyTrust;
import org.szmark.qr.DecodedToken;
import org.szmark.qr.QrClaims;
import org.szmark.qr.QrToken;
import org.szmark.qr.TokenException;
import org.szmark.standard.Standard;

/**
 * Checks a QR token: the signature against the body keys the authority certified, the key's standing
 * when the certificate was signed, that the registry's record says the same, and the live status.
 * Never throws for bad input: every failure is a NOT_GENUINE verdict with its reason.
 */
@ApplicationScoped
public class VerificationService {

    /** Anything longer is refused unread. */
    public static final int MAX_TOKEN_INPUT = 1024;

    @Inject BodyKeyService keys;
    @Inject CertificateRepository certificates;
    @Inject CertificateViewer viewer;
    @Inject EntityManager em;
    @Inject Clock clock;
    @Inject org.szmark.log.LogService log;
    @Inject org.szmark.config.SzmarkConfig config;
    @Inject AgroalDataSource dataSource;
    @Inject com.fasterxml.jackson.databind.ObjectMapper json;
    @Inject org.szmark.web.Messages messages;

    /**
     * What a verification result depends on that can change after issuance: the versions of the
     * certificate, its body, holder and standard, its key's revocation, the day (expiry), and the
     * latest checkpoint. One indexed query reads it all.
     */
    record Freshness(List<Object> state, long checkpointSize) {}

    /**
     * A genuine result, what it was computed from, and its JSON cut where the time of the answer goes,
     * so an answer from the cache is written without serialising the whole result again.
     */
    record Cached(Freshness freshness, Verification verification, List<byte[]> jsonParts) {
        byte[] json(byte[] quotedTime) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(4096 + 64);
            for (int i = 0; i < jsonParts.size(); i++) {
                if (i > 0) out.writeBytes(quotedTime);
                out.writeBytes(jsonParts.get(i));
            }
            return out.toByteArray();
        }

        boolean currentAt(Freshness now) {
            // A result whose inclusion was verified stays right under any later checkpoint; one that
            // waited for a checkpoint is made again once there is a new one.
            boolean included = verification.log() != null && verification.log().inclusionVerified();
            return freshness.state().equals(now.state()) && (included || freshness.checkpointSize() == now.checkpointSize());
        }
    }

    /** A page rendered from a cached result, cut where the time of the answer goes. */
    private record Page(Cached source, List<String> parts) {}

    private record PageKey(String token, String variant) {}

    private Cache<String, Cached> cache;
    private Cache<PageKey, Page> pages;

    @PostConstruct
    void init() {
        // Two thirds of the memory for results and their JSON (the objects take about twice the JSON), a
        // third for pages.
        long memory = config.caches().verifications().asLongValue();
        cache = Caffeine.newBuilder().maximumWeight(memory * 2 / 3)
                .<String, Cached>weigher((k, v) -> 3 * v.jsonParts().stream().mapToInt(b -> b.length).sum() + 2 * k.length())
                .build();
        pages = Caffeine.newBuilder().maximumWeight(memory / 3)
                .<PageKey, Page>weigher((k, v) -> 2 * (v.parts().stream().mapToInt(String::length).sum() + k.token().length()))
                .build();
    }

    /**
     * Verifies a token. A genuine result is kept and served again only while {@link Freshness} reads
     * the same: that is read from the database on every call, before anything else, so a status change
     * committed on any instance shows in the very next verification, and a result computed after the
     * read is never older than it.
     */
    public Verification verify(String rawToken) {
        return lookup(rawToken).verification();
    }

    /** The verification as the JSON the API answers with. */
    public byte[] verifyJson(String rawToken) {
        Lookup l = lookup(rawToken);
        try {
            if (l.cached() != null) {
                return l.cached().json(json.writeValueAsBytes(l.verification().asOf()));
            }
            return json.writeValueAsBytes(l.verification());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verification", e);
        }
    }

    /**
     * The verification rendered as a page by {@code render}. For a result from the cache the page is
     * kept too, per {@code variant} (such as the language), and only the time of the answer, written by
     * {@code timeText}, is put in afresh.
     */
    public String verifyPage(String rawToken, String variant, Function<Verification, String> render,
                             Function<OffsetDateTime, String> timeText) {
        Lookup l = lookup(rawToken);
        if (l.cached() == null) {
            return render.apply(l.verification());
        }
        PageKey key = new PageKey(rawToken, variant);
        Page page = pages.getIfPresent(key);
        if (page == null || page.source() != l.cached()) {
            String template = render.apply(l.cached().verification().asOf(TEMPLATE_TIME));
            page = new Page(l.cached(), Arrays.asList(template.split(java.util.regex.Pattern.quote(timeText.apply(TEMPLATE_TIME)), -1)));
            pages.put(key, page);
        }
        return String.join(timeText.apply(l.verification().asOf()), page.parts());
    }

    /** A result, and the cache entry it came from if it did. */
    private record Lookup(Verification verification, Cached cached) {}

    /** Stands for the time of the answer in a cached result's JSON; no record carries a date in year 1. */
    private static final OffsetDateTime TEMPLATE_TIME = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private Lookup lookup(String rawToken) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
        if (rawToken == null || rawToken.isEmpty()) {
            return miss(notGenuine(VerificationCode.TOKEN_MISSING, null, now));
        }
        if (rawToken.length() > MAX_TOKEN_INPUT) {
            return miss(notGenuine(VerificationCode.TOKEN_TOO_LONG, null, now));
        }
        DecodedToken decoded;
        try {
            decoded = QrToken.decode(IdentifierText.normaliseCode(rawToken));
        } catch (TokenException e) {
            VerificationCode code = switch (e.reason()) {
                case UNSUPPORTED_VERSION -> VerificationCode.UNSUPPORTED_VERSION;
                case TOO_LONG -> VerificationCode.TOKEN_TOO_LONG;
                default -> VerificationCode.TOKEN_MALFORMED;
            };
            return miss(notGenuine(code, null, now));
        } catch (RuntimeException e) {
            return miss(notGenuine(VerificationCode.TOKEN_MALFORMED, null, now));
        }
        String token = IdentifierText.normaliseCode(rawToken);
        Optional<Freshness> fresh = freshness(decoded.claims().certificateNumber());
        Cached cached = fresh.isEmpty() ? null : cache.getIfPresent(token);
        if (cached != null && cached.currentAt(fresh.get())) {
            return new Lookup(cached.verification().asOf(now), cached);
        }
        // The full check reads a dozen rows; in one transaction they agree with each other.
        Verification v = QuarkusTransaction.requiringNew().call(() -> check(decoded, now));
        if (v.genuine() && fresh.isPresent()) {
            cache.put(token, new Cached(fresh.get(), v, jsonParts(v)));
        }
        return miss(v);
    }

    private static Lookup miss(Verification v) {
        return new Lookup(v, null);
    }

    private List<byte[]> jsonParts(Verification v) {
        try {
            byte[] template = json.writeValueAsBytes(v.asOf(TEMPLATE_TIME));
            byte[] marker = json.writeValueAsBytes(TEMPLATE_TIME);
            List<byte[]> parts = new java.util.ArrayList<>();
            int from = 0;
            for (int i = 0; i + marker.length <= template.length; i++) {
                if (Arrays.equals(template, i, i + marker.length, marker, 0, marker.length)) {
                    parts.add(Arrays.copyOfRange(template, from, i));
                    from = i + marker.length;
                    i = from - 1;
                }
            }
            parts.add(Arrays.copyOfRange(template, from, template.length));
            return parts;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verification", e);
        }
    }

    // A renewed certificate's page shows its successor's verdict, so the successor and its body count too.
    private static final String FRESHNESS = "select c.version, c.event_count, b.version, h.version, s.version,"
            + " k.revoked_at, k.compromised_at, n.version, nb.version, (select max(tree_size) from log_checkpoint)"
            + " from certificate c join certification_body b on b.id = c.body_id"
            + " join enterprise h on h.id = c.holder_id join standard s on s.id = c.standard_id"
            + " left join body_key k on k.key_id = c.key_id"
            + " left join certificate n on n.id = c.successor_id left join certification_body nb on nb.id = n.body_id"
            + " where c.number = ?";

    /**
     * One statement on a pooled connection in auto-commit mode: no transaction and no ORM session,
     * since a cache hit needs nothing else from the database.
     */
    private Optional<Freshness> freshness(String number) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(FRESHNESS)) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Object> state = new java.util.ArrayList<>(10);
                for (int i = 1; i <= 9; i++) {
                    state.add(rs.getObject(i));
                }
                state.add(LocalDate.now(clock));
                return Optional.of(new Freshness(state, rs.getLong(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the certificate's state", e);
        }
    }

    private Verification check(DecodedToken decoded, OffsetDateTime now) {
        QrClaims c = decoded.claims();
        String prefix = HexFormat.of().formatHex(c.keyIdPrefix());
        Verification.Claims claims = new Verification.Claims(c.certificateNumber(), c.creditCode(), c.standardNumber(),
                c.expiry(), prefix, c.version());

        Optional<BodyKey> key = keys.findByPrefix(prefix);
        if (key.isEmpty()) {
            return notGenuine(VerificationCode.UNKNOWN_KEY, claims, now);
        }
        if (!Ed25519.verify(key.get().publicKey, decoded.claimsBytes(), decoded.signature())) {
            return notGenuine(VerificationCode.BAD_SIGNATURE, claims, now);
        }
        Optional<Certificate> found = certificates.findByNumber(c.certificateNumber());
        if (found.isEmpty()) {
            return notGenuine(VerificationCode.UNKNOWN_CERTIFICATE, claims, now);
        }
        Certificate cert = found.get();
        KeyTrust trust = key.get().keyId.equals(cert.keyId) ? key.get().trustAt(cert.signedAt.toInstant()) : KeyTrust.UNKNOWN_KEY;
        if (trust == KeyTrust.KEY_COMPROMISED || trust == KeyTrust.KEY_REVOKED || trust == KeyTrust.OUTSIDE_KEY_VALIDITY) {
            return notGenuine(VerificationCode.valueOf(trust.name()), claims, now);
        }
        Enterprise holder = em.find(Enterprise.class, cert.holderId);
        Standard standard = em.find(Standard.class, cert.standardId);
        QrClaims registered = CertificateService.qrClaims(cert, holder.creditCode, standard.number);
        if (trust != KeyTrust.TRUSTED || cert.qrSignature == null
                || !Arrays.equals(QrToken.claimsBytes(registered), decoded.claimsBytes())) {
            return notGenuine(VerificationCode.CLAIMS_MISMATCH, claims, now);
        }

        CertificateView view = viewer.view(cert, true);
        CertificationBody body = em.find(CertificationBody.class, cert.bodyId);
        Standing standing = standing(cert, body);
        Verification.Successor successor = null;
        if (cert.successorId != null) {
            Certificate next = em.find(Certificate.class, cert.successorId);
            successor = new Verification.Successor(next.number, standing(next, em.find(CertificationBody.class, next.bodyId)).verdict(),
                    viewer.view(next, false).qrUrl());
        }
        Verification.LogInclusion inclusion = null;
        if (view.logIndex() != null) {
            long index = view.logIndex();
            inclusion = log.verifiedInclusion(index)
                    .map(i -> new Verification.LogInclusion(index, i.covered() ? i.checkpointSize() : null, i.covered() && i.verified()))
                    .orElse(new Verification.LogInclusion(index, null, false));
        }
        return new Verification(standing.verdict(), true, standing.code(),
                Reasons.sentence(english(), standing.code(), cert.expiryDate), standing.statement(),
                standing.verdict() == Verdict.SUSPENDED ? cert.suspendedUntil : null, successor, claims, view, inclusion, now);
    }

    /** A genuine certificate's verdict today, its reason code and the words given with it. */
    private record Standing(Verdict verdict, String code, String statement) {}

    private Standing standing(Certificate cert, CertificationBody body) {
        return switch (cert.statusOn(LocalDate.now(clock))) {
            // A valid certificate of a body that may not certify now is not to be relied on either.
            case VALID -> body.status == BodyStatus.ACTIVE
                    ? new Standing(Verdict.VALID, VerificationCode.VALID.name(), null)
                    : new Standing(Verdict.SUSPENDED, "BODY_" + body.status.name(), body.statusReason);
            case SUSPENDED -> new Standing(Verdict.SUSPENDED, cert.statusReasonCode, cert.statusReasonText);
            case REVOKED -> new Standing(Verdict.REVOKED, cert.statusReasonCode, cert.statusReasonText);
            case CANCELLED -> new Standing(Verdict.CANCELLED, cert.statusReasonCode, cert.statusReasonText);
            default -> new Standing(Verdict.EXPIRED, VerificationCode.EXPIRED.name(), null);
        };
    }

    private org.szmark.web.Msg english() {
        return messages.of(org.szmark.web.Lang.EN);
    }

    private Verification notGenuine(VerificationCode code, Verification.Claims claims, OffsetDateTime now) {
        return new Verification(Verdict.NOT_GENUINE, false, code.name(), Reasons.sentence(english(), code.name(), null),
                null, null, null, claims, null, null, now);
    }
}
