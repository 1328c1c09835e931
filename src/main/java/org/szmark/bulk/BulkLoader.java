package org.szmark.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.szmark.body.BodyStatus;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.ReasonCode;
import org.szmark.certificate.SignedRecords;
import org.szmark.certificate.StatusChange;
import org.szmark.certificate.StatusEvent;
import org.szmark.crypto.Ed25519;
import org.szmark.crypto.KeySealer;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.enterprise.CreditCode;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.Product;
import org.szmark.log.LogEntry;
import org.szmark.log.merkle.Hashes;
import org.szmark.log.merkle.StoredHashes;
import org.szmark.qr.QrToken;
import org.szmark.standard.Standard;
import org.szmark.standard.StandardStatus;

/**
 * Fills a registry database with many certificates at once, for capacity tests (docs/performance.md).
 *
 * <p>Bodies with their keys and certifier accounts, and the standards, must exist already (made through
 * the API, so keys are certified by the authority as usual). The loader adds enterprises with products
 * and then certificates in every status. Each certificate and each status event is built by the same
 * code the service uses ({@link SignedRecords}, {@link CertificateService#qrClaims}, {@link LogEntry},
 * {@link StoredHashes}), signed with its body's key, and appended to the log in order, so the result
 * cannot be told apart from one issued request by request; only the rows are written with COPY.
 *
 * <p>Work is committed every {@link Settings#commitEvery} certificates, each commit holding complete
 * certificates, their events, log entries and hashes and the new tree size, so the database is
 * consistent after every commit.
 */
public final class BulkLoader {

    /** What to load. */
    /**
     * @param bodies codes of the bodies to issue for; empty for every active body with a signing key
     * @param tokensOut where to write a sample of QR tokens (token, number, status per line), or null
     */
    public record Settings(int certificates, int enterprises, long seed, int threads, int commitEvery,
                           Set<String> bodies, Path tokensOut, int tokenSample) {
        public Settings {
            bodies = bodies == null ? Set.of() : Set.copyOf(bodies);
            if (certificates < 1 || enterprises < 1 || threads < 1 || commitEvery < 1) {
                throw new IllegalArgumentException("counts must be positive");
            }
        }
    }

    /** What was loaded. */
    public record Report(int bodies, int standards, int enterprises, int products, int certificates, long events,
                         long treeSize, Map<CertificateStatus, Integer> byStatus, Duration took) {}

    private static final int CHUNK = 1000;
    private static final int PRODUCTS_PER_ENTERPRISE = 2;
    private static final int VALIDITY_YEARS = 3;

    private final Connection db;
    private final KeySealer sealer;
    private final SignedRecords records;
    private final Clock clock;
    private final PrintStream progress;

    public BulkLoader(Connection db, KeySealer sealer, ObjectMapper json, Clock clock, PrintStream progress) {
        this.db = db;
        this.sealer = sealer;
        this.records = SignedRecords.using(json);
        this.clock = clock;
        this.progress = progress;
    }

    private record Issuer(CertificationBody body, String keyId, Ed25519PrivateKeyParameters key, long accountId) {}

    /** One certificate planned in the sequential pass: everything that needs no signature. */
    private record Plan(long id, String number, Issuer issuer, Enterprise holder, Product product, Standard standard,
                        LocalDate issueDate, List<StatusChange> changes, long seed) {}

    /** One certificate built and signed, with its events and their log entries. */
    private record Built(Certificate certificate, List<StatusEvent> events, List<byte[]> entries, String token) {}

    public Report load(Settings s) throws SQLException, IOException, InterruptedException {
        Instant started = clock.instant();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.toLocalDate();
        db.setAutoCommit(false);
        boolean postgres = isPostgres();
        if (postgres) {
            try (Statement st = db.createStatement()) {
                // Each commit is complete; losing the last ones to a crash only means loading again.
                st.execute("SET synchronous_commit = off");
            }
        }
        List<Issuer> issuers = issuers(now.toInstant(), s.bodies());
        List<Standard> standards = standards(today);
        progress.printf("%d bodies with signing keys, %d eligible standards%n", issuers.size(), standards.size());

        List<Enterprise> holders = new ArrayList<>(s.enterprises());
        List<Product> products = new ArrayList<>(s.enterprises() * PRODUCTS_PER_ENTERPRISE);
        insertEnterprises(s.enterprises(), now, holders, products);
        db.commit();
        progress.printf("%d enterprises with %d products%n", holders.size(), products.size());

        long firstCertificateId = nextId("certificate");
        long nextEventId = nextId("status_event");
        MemoryHashes hashes = MemoryHashes.load(db);
        long treeSize = count("select tree_size from log_state where id = 1");
        if (hashes.size() != StoredHashes.storedHashCount(treeSize)) {
            throw new IllegalStateException("log_hash does not match the tree size " + treeSize);
        }
        long committedSize = treeSize;
        Map<String, Integer> serials = serials(issuers);
        Map<CertificateStatus, Integer> byStatus = new EnumMap<>(CertificateStatus.class);
        long events = 0;

        RowSink certSink = RowSink.of(db, "certificate", List.of("id", "number", "body_id", "holder_id", "product_id",
                "standard_id", "status", "issue_date", "expiry_date", "first_issue_date", "scope", "certification_mode",
                "site_name", "site_address", "suspended_until", "status_reason_code", "status_reason_text",
                "status_changed_at", "event_count", "payload", "signature", "key_id", "qr_signature", "signed_at",
                "created_by", "version"));
        RowSink eventSink = RowSink.of(db, "status_event", List.of("id", "certificate_id", "seq", "event", "from_status",
                "to_status", "reason_code", "reason_text", "effective_at", "suspended_until", "actor_account", "payload",
                "signature", "key_id", "recorded_at", "log_index"));
        RowSink entrySink = RowSink.of(db, "log_entry", List.of("idx", "entry", "created_at"));
        RowSink hashSink = RowSink.of(db, "log_hash", List.of("idx", "hash"));

        ExecutorService workers = Executors.newFixedThreadPool(s.threads(), r -> {
            Thread t = new Thread(r, "bulk-signer");
            t.setDaemon(true);
            return t;
        });
        Writer tokens = s.tokensOut() == null ? null : Files.newBufferedWriter(s.tokensOut(), StandardCharsets.UTF_8);
        int tokenEvery = s.tokenSample() <= 0 ? Integer.MAX_VALUE : Math.max(1, s.certificates() / s.tokenSample());
        try {
            ArrayDeque<Future<List<Built>>> inFlight = new ArrayDeque<>();
            int planned = 0;
            int written = 0;
            int sinceCommit = 0;
            while (written < s.certificates()) {
                while (planned < s.certificates() && inFlight.size() < s.threads() * 3) {
                    int from = planned;
                    int to = Math.min(s.certificates(), from + CHUNK);
                    List<Plan> plans = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        plans.add(plan(i, s.seed(), firstCertificateId + i, issuers, holders, products, standards, today, serials));
                    }
                    inFlight.add(workers.submit(() -> build(plans, now, today, tokenEvery)));
                    planned = to;
                }
                List<Built> chunk;
                try {
                    chunk = inFlight.poll().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("building certificates failed: " + e.getCause(), e.getCause());
                }
                for (Built b : chunk) {
                    Certificate c = b.certificate();
                    certSink.row(c.id, c.number, c.bodyId, c.holderId, c.productId, c.standardId, c.status.name(),
                            c.issueDate, c.expiryDate, c.firstIssueDate, c.scope, c.certificationMode, c.siteName,
                            c.siteAddress, c.suspendedUntil, c.statusReasonCode, c.statusReasonText, c.statusChangedAt,
                            c.eventCount, c.payload, c.signature, c.keyId, c.qrSignature, c.signedAt, c.createdBy, 0L);
                    for (int k = 0; k < b.events().size(); k++) {
                        StatusEvent e = b.events().get(k);
                        byte[] entry = b.entries().get(k);
                        // The append of LogService.append, with the stored hashes kept in memory.
                        long index = treeSize++;
                        List<byte[]> added = StoredHashes.storedHashesForRecord(index, Hashes.leafHash(entry), hashes);
                        long at = StoredHashes.storedHashCount(index);
                        for (byte[] h : added) {
                            hashSink.row(at++, h);
                            hashes.add(h);
                        }
                        entrySink.row(index, entry, now);
                        eventSink.row(nextEventId++, c.id, e.seq, e.event.name(), e.fromStatus == null ? null : e.fromStatus.name(),
                                e.toStatus.name(), e.reasonCode, e.reasonText, e.effectiveAt, e.suspendedUntil, e.actorAccount,
                                e.payload, e.signature, e.keyId, e.recordedAt, index);
                        events++;
                    }
                    byStatus.merge(c.statusOn(today), 1, Integer::sum);
                    if (tokens != null && b.token() != null) {
                        tokens.write(b.token() + "\t" + c.number + "\t" + c.statusOn(today) + "\n");
                    }
                }
                written += chunk.size();
                sinceCommit += chunk.size();
                if (sinceCommit >= s.commitEvery() || written == s.certificates()) {
                    // Appenders of a running registry take turns on this row (LogService.append); the
                    // in-memory tree is only right if no one appended since the last commit.
                    if (count("select tree_size from log_state where id = 1 for update") != committedSize) {
                        throw new IllegalStateException("the log grew while loading; load while the registry is stopped");
                    }
                    // Foreign keys point from events to certificates, so certificates go first.
                    certSink.flush();
                    eventSink.flush();
                    entrySink.flush();
                    hashSink.flush();
                    try (PreparedStatement ps = db.prepareStatement("update log_state set tree_size = ? where id = 1")) {
                        ps.setLong(1, treeSize);
                        ps.executeUpdate();
                    }
                    db.commit();
                    committedSize = treeSize;
                    sinceCommit = 0;
                    Duration so = Duration.between(started, clock.instant());
                    progress.printf("%,d certificates, %,d log entries, %s%n", written, treeSize, so.truncatedTo(ChronoUnit.SECONDS));
                }
            }
        } finally {
            workers.shutdownNow();
            if (tokens != null) tokens.close();
        }
        saveSerials(serials, issuers);
        for (String table : List.of("enterprise", "product", "certificate", "status_event")) {
            restartIdentity(table);
        }
        db.commit();
        if (postgres) {
            db.setAutoCommit(true);
            try (Statement st = db.createStatement()) {
                st.execute("ANALYZE");
            }
        }
        return new Report(issuers.size(), standards.size(), holders.size(), products.size(), s.certificates(), events,
                treeSize, byStatus, Duration.between(started, clock.instant()));
    }

    // ---- the sequential plan: numbers, parties, statuses ----

    private Plan plan(int i, long seed, long id, List<Issuer> issuers, List<Enterprise> holders, List<Product> products,
                      List<Standard> standards, LocalDate today, Map<String, Integer> serials) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        Issuer issuer = issuers.get(i % issuers.size());
        int h = r.nextInt(holders.size());
        Enterprise holder = holders.get(h);
        Product product = products.get(h * PRODUCTS_PER_ENTERPRISE + r.nextInt(PRODUCTS_PER_ENTERPRISE));
        Standard standard = standards.get(r.nextInt(standards.size()));
        // Status mix: mostly valid, and each other status (docs/performance.md, "Data set").
        int roll = r.nextInt(100);
        List<StatusChange> changes;
        LocalDate issueDate;
        if (roll < 4) {
            // expired: issued more than three years ago
            issueDate = today.minusDays(VALIDITY_YEARS * 366L + 5 + r.nextInt(300));
            changes = List.of(StatusChange.ISSUED);
        } else {
            issueDate = today.minusDays(70 + r.nextInt(900));
            changes = roll < 76 ? List.of(StatusChange.ISSUED)
                    : roll < 81 ? List.of(StatusChange.ISSUED, StatusChange.SUSPENDED)
                    : roll < 86 ? List.of(StatusChange.ISSUED, StatusChange.SUSPENDED, StatusChange.REINSTATED)
                    : roll < 93 ? List.of(StatusChange.ISSUED, StatusChange.REVOKED)
                    : List.of(StatusChange.ISSUED, StatusChange.CANCELLED);
        }
        if (!standard.eligibleOn(issueDate)) {
            issueDate = standard.evaluationPassedOn;
        }
        int year = issueDate.getYear();
        int serial = serials.merge(issuer.body().code + "/" + year, 1, Integer::sum);
        String number = String.format("SZBZ-%s-%d-%05d", issuer.body().code, year, serial);
        return new Plan(id, number, issuer, holder, product, standard, issueDate, changes, r.nextLong());
    }

    // ---- building and signing, in parallel; the same steps as CertificateService.issueOne/appendEvent ----

    private List<Built> build(List<Plan> plans, OffsetDateTime now, LocalDate today, int tokenEvery) {
        List<Built> out = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            out.add(build(p, now, today, tokenEvery));
        }
        return out;
    }

    private Built build(Plan p, OffsetDateTime now, LocalDate today, int tokenEvery) {
        SplittableRandom r = new SplittableRandom(p.seed());
        Issuer is = p.issuer();
        Certificate c = new Certificate();
        c.id = p.id();
        c.number = p.number();
        c.bodyId = is.body().id;
        c.holderId = p.holder().id;
        c.productId = p.product().id;
        c.standardId = p.standard().id;
        c.status = CertificateStatus.VALID;
        c.issueDate = p.issueDate();
        c.expiryDate = p.issueDate().plusYears(VALIDITY_YEARS).minusDays(1);
        c.firstIssueDate = p.issueDate();
        c.scope = p.product().nameZh + "（型号 " + p.product().model + "）的设计、生产";
        c.certificationMode = "型式试验 + 初始工厂检查 + 获证后监督";
        c.siteName = p.holder().nameZh + "生产基地";
        c.siteAddress = p.holder().addressZh;
        c.statusChangedAt = now;
        c.keyId = is.keyId();
        c.signedAt = now;
        c.createdBy = is.accountId();
        c.payload = records.certificate(c, is.body(), p.holder(), p.product(), p.standard(), null);
        SignedEnvelope certificate = SignedEnvelope.sign(c.payload, is.keyId(), is.key());
        c.signature = certificate.signature();
        c.qrSignature = Ed25519.sign(is.key(),
                QrToken.claimsBytes(CertificateService.qrClaims(c, p.holder().creditCode, p.standard().number)));

        List<StatusEvent> events = new ArrayList<>(p.changes().size());
        List<byte[]> entries = new ArrayList<>(p.changes().size());
        OffsetDateTime issuedAt = c.issueDate.isBefore(today) ? c.issueDate.atStartOfDay().atOffset(ZoneOffset.UTC) : now;
        // Later changes fall between the issue date and now, in order.
        long span = Math.max(2, ChronoUnit.SECONDS.between(issuedAt, now));
        OffsetDateTime at = issuedAt;
        byte[] previous = null;
        for (StatusChange change : p.changes()) {
            if (change != StatusChange.ISSUED) {
                at = at.plusSeconds(1 + r.nextLong(Math.max(1, span / 4)));
                if (at.isAfter(now)) at = now;
            }
            StatusEvent e = new StatusEvent();
            e.certificateId = c.id;
            e.seq = c.eventCount + 1;
            e.event = change;
            e.fromStatus = change == StatusChange.ISSUED ? null : c.statusOn(today);
            e.toStatus = change.to;
            ReasonCode reason = switch (change) {
                case SUSPENDED -> ReasonCode.SURVEILLANCE_OVERDUE;
                case REINSTATED -> ReasonCode.CORRECTION_VERIFIED;
                case REVOKED -> ReasonCode.SPOT_CHECK_FAILED;
                case CANCELLED -> ReasonCode.PRODUCT_DISCONTINUED;
                default -> null;
            };
            e.reasonCode = reason == null ? null : reason.name();
            e.effectiveAt = at;
            e.suspendedUntil = change == StatusChange.SUSPENDED ? at.toLocalDate().plusDays(90) : null;
            e.actorAccount = is.accountId();
            e.recordedAt = now;
            e.keyId = is.keyId();
            e.payload = records.event(c, e, "CERTIFIER", is.body().code, previous);
            SignedEnvelope event = SignedEnvelope.sign(e.payload, is.keyId(), is.key());
            e.signature = event.signature();
            entries.add(new LogEntry(event, change == StatusChange.ISSUED ? certificate : null).encode());
            events.add(e);
            previous = e.payload;
            c.eventCount = e.seq;
            if (change != StatusChange.ISSUED) {
                c.status = change.to;
                c.statusReasonCode = e.reasonCode;
                c.statusReasonText = null;
                c.statusChangedAt = e.effectiveAt;
                c.suspendedUntil = e.suspendedUntil;
            }
        }
        String token = (c.id % tokenEvery == 0)
                ? QrToken.encode(CertificateService.qrClaims(c, p.holder().creditCode, p.standard().number), c.qrSignature)
                : null;
        return new Built(c, events, entries, token);
    }

    // ---- what must exist already ----

    private List<Issuer> issuers(Instant now, Set<String> only) throws SQLException {
        List<Issuer> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        String sql = "select b.id, b.code, b.approval_number, b.name_zh, b.name_en, k.key_id, k.sealed_private,"
                + " k.not_before, k.not_after,"
                + " (select min(a.id) from account a where a.role = 'CERTIFIER' and a.body_id = b.id and a.disabled_at is null)"
                + " from certification_body b join body_key k on k.body_id = b.id"
                + " where b.status = 'ACTIVE' and k.retired_at is null and k.revoked_at is null and k.compromised_at is null"
                + " order by b.id, k.id desc";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (!seen.add(id) || (!only.isEmpty() && !only.contains(rs.getString(2)))) continue;
                OffsetDateTime notBefore = rs.getObject(8, OffsetDateTime.class);
                OffsetDateTime notAfter = rs.getObject(9, OffsetDateTime.class);
                long account = rs.getLong(10);
                if (rs.wasNull() || now.isBefore(notBefore.toInstant()) || !now.isBefore(notAfter.toInstant())) continue;
                CertificationBody b = new CertificationBody();
                b.id = id;
                b.code = rs.getString(2);
                b.approvalNumber = rs.getString(3);
                b.nameZh = rs.getString(4);
                b.nameEn = rs.getString(5);
                b.status = BodyStatus.ACTIVE;
                String keyId = rs.getString(6);
                byte[] sealed = rs.getBytes(7);
                // Sealed under the master key with the key ID as associated data, as BodyKeyService does.
                Ed25519PrivateKeyParameters key = Ed25519.privateKey(sealer.open(sealed, keyId.getBytes(StandardCharsets.US_ASCII)));
                out.add(new Issuer(b, keyId, key, account));
            }
        }
        if (out.size() < Math.max(1, only.size())) {
            throw new IllegalStateException((only.isEmpty() ? "no" : "not every named") + " active body with a signing key and a certifier account; create them through the API first");
        }
        return out;
    }

    private List<Standard> standards(LocalDate today) throws SQLException {
        List<Standard> out = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select id, number, title_zh, status, evaluation_passed_on from standard order by id")) {
            while (rs.next()) {
                Standard s = new Standard();
                s.id = rs.getLong(1);
                s.number = rs.getString(2);
                s.titleZh = rs.getString(3);
                s.status = StandardStatus.valueOf(rs.getString(4));
                s.evaluationPassedOn = rs.getObject(5, LocalDate.class);
                if (s.eligibleOn(today) && QrToken.standardNumberEncodable(s.number)) out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no eligible standard in the catalogue; create them through the API first");
        }
        return out;
    }

    // ---- enterprises and products ----

    private void insertEnterprises(int n, OffsetDateTime now, List<Enterprise> holders, List<Product> products)
            throws SQLException {
        Set<String> taken = new HashSet<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select credit_code from enterprise")) {
            while (rs.next()) taken.add(rs.getString(1));
        }
        long enterpriseId = nextId("enterprise");
        long productId = nextId("product");
        RowSink es = RowSink.of(db, "enterprise", List.of("id", "credit_code", "name_zh", "name_en", "address_zh",
                "legacy_code", "created_at", "version"));
        RowSink ps = RowSink.of(db, "product", List.of("id", "enterprise_id", "name_zh", "name_en", "model",
                "trademark", "created_at"));
        String[] kinds = {"智能电热水壶", "移动电源", "电动自行车充电器", "家用燃气灶具", "LED 灯具", "空气净化器"};
        String[] kindsEn = {"Smart kettle", "Power bank", "E-bike charger", "Gas hob", "LED luminaire", "Air purifier"};
        int serial = 0;
        for (int i = 0; i < n; i++) {
            String code;
            do {
                // GB 32100: registration authority 9 (industry and commerce), type 1, division 440300 (Shenzhen)
                String first17 = String.format("91440300BL%07d", serial++);
                code = first17 + CreditCode.checkCharacter(first17);
            } while (!taken.add(code));
            Enterprise e = new Enterprise();
            e.id = enterpriseId++;
            e.creditCode = code;
            e.nameZh = String.format("深圳市标准测试制造%06d有限公司", i);
            e.nameEn = String.format("Shenzhen Bench Manufacturing %06d Co., Ltd.", i);
            e.addressZh = String.format("深圳市南山区科技园北区%d号", i % 999 + 1);
            es.row(e.id, e.creditCode, e.nameZh, e.nameEn, e.addressZh, false, now, 0L);
            holders.add(e);
            for (int k = 0; k < PRODUCTS_PER_ENTERPRISE; k++) {
                Product p = new Product();
                p.id = productId++;
                p.enterpriseId = e.id;
                int kind = (i + k) % kinds.length;
                p.nameZh = kinds[kind];
                p.nameEn = kindsEn[kind];
                p.model = String.format("SZ-%06d-%c", i, (char) ('A' + k));
                p.trademark = "深标";
                ps.row(p.id, p.enterpriseId, p.nameZh, p.nameEn, p.model, p.trademark, now);
                products.add(p);
            }
        }
        es.flush();
        ps.flush();
    }

    // ---- bookkeeping ----

    /** The last serial each body used per year, so loaded numbers continue the body's sequence. */
    private Map<String, Integer> serials(List<Issuer> issuers) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select serial_year, last_serial from certificate_serial where body_id = ?")) {
            for (Issuer is : issuers) {
                ps.setLong(1, is.body().id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(is.body().code + "/" + rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private void saveSerials(Map<String, Integer> serials, List<Issuer> issuers) throws SQLException {
        Map<String, Long> bodyIds = new HashMap<>();
        for (Issuer is : issuers) bodyIds.put(is.body().code, is.body().id);
        for (Map.Entry<String, Integer> e : serials.entrySet()) {
            String[] parts = e.getKey().split("/");
            long body = bodyIds.get(parts[0]);
            int year = Integer.parseInt(parts[1]);
            try (PreparedStatement up = db.prepareStatement(
                    "update certificate_serial set last_serial = greatest(last_serial, ?) where body_id = ? and serial_year = ?")) {
                up.setInt(1, e.getValue());
                up.setLong(2, body);
                up.setInt(3, year);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = db.prepareStatement(
                            "insert into certificate_serial (body_id, serial_year, last_serial) values (?, ?, ?)")) {
                        in.setLong(1, body);
                        in.setInt(2, year);
                        in.setInt(3, e.getValue());
                        in.executeUpdate();
                    }
                }
            }
        }
    }

    /**
     * Rows were written with explicit ids; the table's id generator continues after them: an identity column,
     * or for certificates and status events their sequence (migration V6).
     */
    private void restartIdentity(String table) throws SQLException {
        long next = nextId(table);
        try (Statement st = db.createStatement()) {
            st.execute(SEQUENCE_KEYED.contains(table) ? "ALTER SEQUENCE " + table + "_id_seq RESTART WITH " + next
                    : "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    private static final Set<String> SEQUENCE_KEYED = Set.of("certificate", "status_event");

    /**
     * The first id free for explicit use. For a sequence-keyed table a running registry may hold a block of
     * ids it has not written yet; a block never reaches the sequence's next value, so take that value too.
     */
    private long nextId(String table) throws SQLException {
        long afterRows = count("select coalesce(max(id), 0) + 1 from " + table);
        if (!SEQUENCE_KEYED.contains(table)) return afterRows;
        long sequence = count(isPostgres() ? "select nextval('" + table + "_id_seq')" : "select next value for " + table + "_id_seq");
        return Math.max(afterRows, sequence);
    }

    private boolean isPostgres() throws SQLException {
        return db.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    private long count(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
