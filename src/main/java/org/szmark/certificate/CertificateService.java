package org.szmark.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.szmark.account.Actor;
import org.szmark.account.Role;
import org.szmark.body.CertifierWrites;
import org.szmark.body.CertificationBody;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.certificate.CertificateViews.StatusRequest;
import org.szmark.common.Conflict;
import org.szmark.common.DomainException;
import org.szmark.common.DomainException.FieldError;
import org.szmark.common.InvalidInput;
import org.szmark.common.NotFound;
import org.szmark.common.PageView;
import org.szmark.common.Unprocessable;
import org.szmark.config.SzmarkConfig;
import org.szmark.crypto.SignedEnvelope;
import org.szmark.enterprise.Enterprise;
import org.szmark.enterprise.EnterpriseRepository;
import org.szmark.enterprise.Product;
import org.szmark.enterprise.ProductRepository;
import org.szmark.ident.IdentifierException;
import org.szmark.ident.IdentifierText;
import org.szmark.keys.BodyKeyService;
import org.szmark.qr.QrToken;
import org.szmark.standard.Standard;
import org.szmark.standard.StandardNumber;
import org.szmark.standard.StandardRepository;

/** Issuance and the status lifecycle of certificates (docs/records.md, domain rules in docs/trust-model.md). */
@ApplicationScoped
public class CertificateService {

    @Inject CertificateRepository certificates;
    @Inject StatusEventRepository events;
    @Inject EnterpriseRepository enterprises;
    @Inject ProductRepository products;
    @Inject StandardRepository standards;
    @Inject BodyKeyService keys;
    @Inject SignedRecords records;
    @Inject EntityManager em;
    @Inject Validator validator;
    @Inject SzmarkConfig config;
    @Inject Clock clock;
    @Inject jakarta.enterprise.event.Event<StatusChanged> statusChanged;
    @Inject jakarta.enterprise.event.Event<BatchIssuing> batchIssuing;
    @Inject org.szmark.log.LogService log;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Certificate get(String number) {
        return certificates.findByNumber(normaliseNumber(number))
                .orElseThrow(() -> new NotFound("No certificate " + number));
    }

    /** The certificates with these numbers, in the order given (each must exist). */
    public List<Certificate> getAll(List<String> numbers) {
        if (numbers.isEmpty()) return List.of();
        java.util.Map<String, Certificate> byNumber = new java.util.HashMap<>();
        for (int from = 0; from < numbers.size(); from += 1000) {
            certificates.list("number in ?1", numbers.subList(from, Math.min(numbers.size(), from + 1000)))
                    .forEach(c -> byNumber.put(c.number, c));
        }
        return numbers.stream().map(n -> java.util.Optional.ofNullable(byNumber.get(n))
                .orElseThrow(() -> new NotFound("No certificate " + n))).toList();
    }

    public List<StatusEvent> history(Certificate c) {
        return events.historyOf(c.id);
    }

    public PageView<Certificate> search(CertificateRepository.Filter filter, int page, int size) {
        var q = certificates.search(filter, today()).page(page, size);
        return new PageView<>(q.list(), page, size, q.count());
    }

    @Transactional
    public Certificate issue(IssueRequest request, Actor actor) {
        CertificationBody body = lockActiveBody(actor);
        Serials serials = new Serials(body, true, 1);
        Certificate c = issueOne(request, actor, body, keys.signerFor(body.id), lookups(), new HashSet<>(), serials, null);
        // Written now, so a refused write fails here as itself; the log is written at the commit (LogService.append).
        em.flush();
        return c;
    }

    /**
     * Issues a batch in one transaction. Each item is checked on its own; items that fail are reported
     * with their problem and not issued, the others are issued together.
     */
    @Transactional
    public List<Object> issueBatch(List<IssueRequest> items, Actor actor) {
        int max = config.certificates().maxBatchSize();
        if (items.isEmpty() || items.size() > max) {
            throw InvalidInput.field("certificates", "must hold 1 to " + max + " certificates");
        }
        CertificationBody body = lockActiveBody(actor);
        // Renewals lock their predecessors. Take all of those locks now, in one order, so that two batches
        // renewing the same certificates cannot deadlock.
        Set<String> predecessors = new java.util.TreeSet<>();
        for (IssueRequest item : items) {
            if (item != null && item.predecessor() != null && !item.predecessor().isBlank()) {
                predecessors.add(normaliseNumber(item.predecessor()));
            }
        }
        certificates.lockAllOfBody(predecessors, body.id);
        BodyKeyService.Signer signer = keys.signerFor(body.id);
        // Rows are written once, at the end (sequence keys; no query below reads them). Without this every
        // query would dirty-check every entity of the batch so far, which makes a batch quadratic.
        em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        IssueLookups lookups = lookups().prefetch(items);
        batchIssuing.fire(new BatchIssuing(lookups.holderIds()));
        Set<String> numbers = new HashSet<>();
        Serials serials = new Serials(body, false, items.size());
        List<PendingEvent> pending = new ArrayList<>();
        List<Object> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            IssueRequest item = items.get(i);
            try {
                if (item == null) throw InvalidInput.field("certificates[" + i + "]", "must be an object");
                validate(item);
                results.add(issueOne(item, actor, body, signer, lookups, numbers, serials, pending));
            } catch (DomainException e) {
                results.add(e);
            }
        }
        serials.save();
        // Events are persisted together, after all certificates, and their webhook deliveries after all
        // events, so each kind of row forms consecutive inserts that go to the database in JDBC batches.
        for (PendingEvent p : pending) p.persist().run();
        for (PendingEvent p : pending) p.announce().run();
        // The rows go to the database now, so that a refused write fails here as itself and what reads them
        // in this transaction finds them; the log lock is taken only at the commit (LogService.append).
        em.flush();
        return results;
    }

    @Transactional
    public Certificate changeStatus(String rawNumber, StatusChange change, StatusRequest request, Actor actor) {
        if (change == StatusChange.ISSUED || change == StatusChange.SUPERSEDED) {
            throw new IllegalArgumentException("not a requestable change: " + change);
        }
        Certificate c = certificates.lockByNumber(normaliseNumber(rawNumber))
                .filter(x -> actor.isCertifierOf(x.bodyId))
                .orElseThrow(() -> new NotFound("No certificate " + rawNumber + " of your body"));
        CertificationBody body = em.find(CertificationBody.class, c.bodyId);
        // A suspended body may still take trust away, never give it; a withdrawn one neither (CertifierWrites).
        if (change == StatusChange.REINSTATED) CertifierWrites.reinstate(body); else CertifierWrites.takeTrustAway(body);
        if (!request.reasonCode().allowedFor.contains(change)) {
            throw InvalidInput.field("reasonCode", request.reasonCode() + " is not a reason for " + change);
        }
        if (request.reasonCode() == ReasonCode.OTHER && (request.reasonText() == null || request.reasonText().isBlank())) {
            throw InvalidInput.field("reasonText", "is required when the reason code is OTHER");
        }
        OffsetDateTime now = now();
        OffsetDateTime effective = request.effectiveAt() == null ? now
                : request.effectiveAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        if (effective.isAfter(now)) {
            throw InvalidInput.field("effectiveAt", "must not lie in the future");
        }
        if (effective.toLocalDate().isBefore(c.issueDate)) {
            throw InvalidInput.field("effectiveAt", "must not be before the issue date " + c.issueDate);
        }
        CertificateStatus current = c.statusOn(today());
        if (!change.allowedFrom(current)) {
            throw new Conflict("transition-not-allowed", "A " + current + " certificate cannot be " + change
                    + (current.isFinal() ? " (" + current + " is final)" : ""));
        }
        LocalDate until = null;
        if (change == StatusChange.SUSPENDED) {
            LocalDate start = effective.toLocalDate();
            LocalDate max = start.plus(config.certificates().maxSuspension());
            until = request.suspendedUntil() == null ? max : request.suspendedUntil();
            if (!until.isAfter(start)) throw InvalidInput.field("suspendedUntil", "must be after the start of the suspension");
            if (until.isAfter(max)) {
                throw InvalidInput.field("suspendedUntil", "must be at most " + config.certificates().maxSuspension()
                        + " after the start of the suspension (" + max + ")");
            }
        } else if (request.suspendedUntil() != null) {
            throw InvalidInput.field("suspendedUntil", "applies only to suspensions");
        }
        appendEvent(c, body, change, request.reasonCode().name(), trimToNull(request.reasonText()), effective, until, actor,
                keys.signerFor(body.id), null);
        em.flush();
        return c;
    }

    // ---- internals ----

    private CertificationBody lockActiveBody(Actor actor) {
        if (actor.role() != Role.CERTIFIER || actor.bodyId() == null) {
            throw new IllegalStateException("issuance needs a certifier");
        }
        // One issuer at a time per body: serial numbers and the number-uniqueness check stay simple and exact.
        CertificationBody body = em.find(CertificationBody.class, actor.bodyId(), LockModeType.PESSIMISTIC_WRITE);
        CertifierWrites.issue(body);
        return body;
    }

    private void validate(IssueRequest item) {
        InvalidInput.check(validator, item);
    }

    private IssueLookups lookups() {
        return new IssueLookups(enterprises, products, standards, certificates);
    }

    private Certificate issueOne(IssueRequest r, Actor actor, CertificationBody body, BodyKeyService.Signer signer,
                                 IssueLookups lookups, Set<String> batchNumbers, Serials serials,
                                 List<PendingEvent> batch) {
        Enterprise holder = lookups.holder(r.holder())
                .orElseThrow(() -> new Unprocessable("unknown-holder", "No enterprise with credit code " + r.holder()
                        + " is registered", List.of(new FieldError("holder", "unknown enterprise"))));
        Product product = lookups.product(holder.id, r.productModel())
                .orElseThrow(() -> new Unprocessable("unknown-product", "Enterprise " + holder.creditCode
                        + " has no product with model " + r.productModel(), List.of(new FieldError("productModel", "unknown product"))));
        String standardNumber;
        try {
            standardNumber = StandardNumber.parse(r.standard()).toString();
        } catch (IdentifierException e) {
            throw InvalidInput.field("standard", e.getMessage());
        }
        Standard standard = lookups.standard(standardNumber)
                .orElseThrow(() -> new Unprocessable("unknown-standard", "Standard " + standardNumber + " is not in the catalogue",
                        List.of(new FieldError("standard", "not in the catalogue"))));
        LocalDate today = today();
        LocalDate issueDate = r.issueDate() == null ? today : r.issueDate();
        // Refused before any date arithmetic, which would overflow near the ends of LocalDate's range.
        if (issueDate.isBefore(QrToken.EPOCH) || issueDate.isAfter(today.plusDays(30))) {
            throw InvalidInput.field("issueDate", "must lie between " + QrToken.EPOCH + " and 30 days from today");
        }
        if (!standard.eligibleOn(issueDate)) {
            throw new Unprocessable("standard-not-eligible", "Standard " + standard.number + " is not eligible for the mark"
                    + " (it must be current with a passed advancedness evaluation)", List.of(new FieldError("standard", "not eligible")));
        }
        if (!QrToken.standardNumberEncodable(standard.number)) {
            throw new Unprocessable("standard-not-encodable", "Standard number " + standard.number + " is too long for the QR code",
                    List.of(new FieldError("standard", "too long for the QR code")));
        }
        List<FieldError> errors = new ArrayList<>();
        int years = config.certificates().maxValidityYears();
        LocalDate latest = issueDate.plusYears(years).minusDays(1);
        LocalDate expiry = r.expiryDate() == null ? latest : r.expiryDate();
        if (expiry.isAfter(latest)) errors.add(new FieldError("expiryDate", "must be at most " + years + " years after the issue date (" + latest + ")"));
        if (expiry.isBefore(issueDate)) errors.add(new FieldError("expiryDate", "must not be before the issue date"));
        if (!QrToken.expiryEncodable(expiry)) errors.add(new FieldError("expiryDate", "is outside the range a QR code can carry"));

        Certificate predecessor = null;
        LocalDate firstIssue = r.firstIssueDate() == null ? issueDate : r.firstIssueDate();
        if (r.predecessor() != null && !r.predecessor().isBlank()) {
            predecessor = certificates.lockByNumber(normaliseNumber(r.predecessor()))
                    .filter(p -> p.bodyId.equals(body.id))
                    .orElseThrow(() -> new Unprocessable("unknown-predecessor", "No certificate " + r.predecessor() + " of your body",
                            List.of(new FieldError("predecessor", "unknown certificate"))));
            if (!predecessor.holderId.equals(holder.id)) errors.add(new FieldError("predecessor", "belongs to another holder"));
            if (predecessor.successorId != null) {
                throw new Conflict("already-renewed", "Certificate " + predecessor.number + " was already renewed");
            }
            CertificateStatus ps = predecessor.statusOn(today);
            if (ps == CertificateStatus.REVOKED || ps == CertificateStatus.CANCELLED) {
                throw new Conflict("predecessor-ended", "Certificate " + predecessor.number + " is " + ps + " and cannot be renewed");
            }
            if (r.firstIssueDate() == null) firstIssue = predecessor.firstIssueDate;
        }
        if (firstIssue.isAfter(issueDate)) errors.add(new FieldError("firstIssueDate", "must not be after the issue date"));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).get(), errors);
        }

        String number;
        if (r.number() == null || r.number().isBlank()) {
            // Free in the registry (checked by next) and in the batch, where an earlier item may have chosen it.
            do {
                number = serials.next(issueDate.getYear());
            } while (!batchNumbers.add(number));
        } else {
            number = normaliseNumber(r.number());
            if (!number.matches("[A-Z0-9][A-Z0-9./-]*") || !QrToken.certificateNumberEncodable(number)) {
                throw InvalidInput.field("number", "must be at most " + QrToken.MAX_CERTIFICATE_NUMBER_LENGTH
                        + " characters of A-Z, 0-9, '-', '.', '/' starting with a letter or digit");
            }
            if (!batchNumbers.add(number) || lookups.taken(number)) {
                throw new Conflict("duplicate-certificate", "Certificate number " + number + " is already taken");
            }
        }

        OffsetDateTime now = now();
        Certificate c = new Certificate();
        c.number = number;
        c.bodyId = body.id;
        c.holderId = holder.id;
        c.productId = product.id;
        c.standardId = standard.id;
        c.status = CertificateStatus.VALID;
        c.issueDate = issueDate;
        c.expiryDate = expiry;
        c.firstIssueDate = firstIssue;
        c.predecessorId = predecessor == null ? null : predecessor.id;
        c.scope = r.scope().trim();
        c.certificationMode = r.certificationMode().trim();
        c.siteName = trimToNull(r.productionSite().name());
        c.siteAddress = r.productionSite().address().trim();
        c.statusChangedAt = now;
        c.keyId = signer.keyId();
        c.signedAt = now;
        c.createdBy = actor.accountId();
        c.payload = records.certificate(c, body, holder, product, standard, predecessor == null ? null : predecessor.number);
        SignedEnvelope env = signer.sign(c.payload);
        c.signature = env.signature();
        c.qrSignature = signer.signRaw(QrToken.claimsBytes(qrClaims(c, holder.creditCode, standard.number)));
        // Counted before persist, so the row is inserted complete rather than inserted and then updated.
        c.eventCount = 1;
        certificates.persist(c);
        // A certificate entered after the fact takes effect on its issue date, not when it was recorded.
        OffsetDateTime effective = issueDate.isBefore(now.toLocalDate()) ? issueDate.atStartOfDay().atOffset(ZoneOffset.UTC) : now;
        appendEvent(c, body, StatusChange.ISSUED, null, null, effective, null, actor, signer, batch);
        if (predecessor != null) {
            predecessor.successorId = c.id;
            if (StatusChange.SUPERSEDED.allowedFrom(predecessor.statusOn(today))) {
                appendEvent(predecessor, body, StatusChange.SUPERSEDED, ReasonCode.RECERTIFIED.name(),
                        "Superseded by " + c.number, now, null, actor, signer, batch);
            }
        }
        return c;
    }

    private void appendEvent(Certificate c, CertificationBody body, StatusChange change, String reasonCode, String reasonText,
                             OffsetDateTime effective, LocalDate suspendedUntil, Actor actor, BodyKeyService.Signer signer,
                             List<PendingEvent> batch) {
        byte[] previous = null;
        if (change != StatusChange.ISSUED) {
            previous = em.createQuery("select e.payload from StatusEvent e where e.certificateId = :c and e.seq = :s", byte[].class)
                    .setParameter("c", c.id).setParameter("s", c.eventCount).getSingleResult();
        }
        StatusEvent e = new StatusEvent();
        e.certificateId = c.id;
        e.seq = change == StatusChange.ISSUED ? 1 : c.eventCount + 1;
        e.event = change;
        e.fromStatus = change == StatusChange.ISSUED ? null : c.statusOn(today());
        e.toStatus = change.to;
        e.reasonCode = reasonCode;
        e.reasonText = reasonText;
        e.effectiveAt = effective;
        e.suspendedUntil = suspendedUntil;
        e.actorAccount = actor.accountId();
        e.recordedAt = now();
        e.keyId = signer.keyId();
        e.payload = records.event(c, e, actor.role().name(), body.code, previous);
        e.signature = signer.sign(e.payload).signature();
        // Logged in this transaction: committed with the change or rolled back with it (docs/log.md).
        SignedEnvelope eventEnvelope = new SignedEnvelope(e.payload, e.signature, e.keyId);
        SignedEnvelope certificateEnvelope = change == StatusChange.ISSUED ? new SignedEnvelope(c.payload, c.signature, c.keyId) : null;
        PendingEvent pending = new PendingEvent(() -> {
            events.persist(e);
            log.append(eventEnvelope, certificateEnvelope, e.id);
        }, () -> statusChanged.fire(new StatusChanged(c.id, c.number, c.bodyId, c.holderId, e.id, e.seq, change, e.fromStatus, e.toStatus)));
        if (batch != null) {
            // A batch persists its events and announces them once all its items are issued (issueBatch).
            batch.add(pending);
        } else {
            pending.persist().run();
            pending.announce().run();
        }
        c.eventCount = e.seq;
        if (change != StatusChange.ISSUED) {
            c.status = change.to;
            c.statusReasonCode = reasonCode;
            c.statusReasonText = reasonText;
            c.statusChangedAt = effective;
            c.suspendedUntil = suspendedUntil;
        }
    }

    /**
     * A status event ready to be stored: {@code persist} stores it and queues its log entry, {@code announce}
     * tells the observers (webhook outbox) in the same transaction.
     */
    private record PendingEvent(Runnable persist, Runnable announce) {}

    /**
     * Serial numbers for {@code SZBZ-<body code>-<year>-<5-digit serial>} numbers, per year: read once,
     * counted in memory and saved as each is handed out or once for a batch. The body row lock makes the
     * counter exact. A body may have chosen numbers of the same shape itself, so candidates are checked
     * against the registry, a window of {@code window} candidates per query.
     */
    private final class Serials {
        private final CertificationBody body;
        private final boolean saveEach;
        private final int window;
        private final java.util.Map<Integer, Integer> last = new java.util.HashMap<>();
        private final Set<Integer> stored = new HashSet<>();
        /** Per year, the candidates checked so far that are taken, and the highest serial checked. */
        private final java.util.Map<Integer, Set<String>> taken = new java.util.HashMap<>();
        private final java.util.Map<Integer, Integer> checkedUpTo = new java.util.HashMap<>();

        Serials(CertificationBody body, boolean saveEach, int window) {
            this.body = body;
            this.saveEach = saveEach;
            this.window = Math.max(1, window);
        }

        String next(int year) {
            int serial = last.computeIfAbsent(year, y -> {
                List<?> rows = em.createNativeQuery("select last_serial from certificate_serial where body_id = ?1 and serial_year = ?2")
                        .setParameter(1, body.id).setParameter(2, y).getResultList();
                if (rows.isEmpty()) return 0;
                stored.add(y);
                return ((Number) rows.get(0)).intValue();
            });
            // Skip serials a body already used for numbers of its own choosing in the same shape.
            String candidate;
            do {
                serial++;
                candidate = format(year, serial);
            } while (isTaken(year, serial, candidate));
            last.put(year, serial);
            if (saveEach) save();
            return candidate;
        }

        private String format(int year, int serial) {
            return String.format("SZBZ-%s-%d-%05d", body.code, year, serial);
        }

        private boolean isTaken(int year, int serial, String candidate) {
            int upTo = checkedUpTo.getOrDefault(year, serial - 1);
            Set<String> known = taken.computeIfAbsent(year, y -> new HashSet<>());
            if (serial > upTo) {
                List<String> window = new ArrayList<>(this.window);
                for (int s = serial; s < serial + this.window; s++) window.add(format(year, s));
                known.addAll(certificates.takenNumbers(window));
                checkedUpTo.put(year, serial + this.window - 1);
            }
            return known.contains(candidate);
        }

        void save() {
            last.forEach((year, serial) -> {
                em.createNativeQuery(stored.contains(year)
                                ? "update certificate_serial set last_serial = ?3 where body_id = ?1 and serial_year = ?2"
                                : "insert into certificate_serial (body_id, serial_year, last_serial) values (?1, ?2, ?3)")
                        .setParameter(1, body.id).setParameter(2, year).setParameter(3, serial).executeUpdate();
                stored.add(year);
            });
        }
    }

    /** The offline claims a label's QR code carries (docs/qr-token.md). */
    public static org.szmark.qr.QrClaims qrClaims(Certificate c, String creditCode, String standardNumber) {
        return new org.szmark.qr.QrClaims(java.util.HexFormat.of().parseHex(c.keyId.substring(0, 8)), c.number, creditCode,
                standardNumber, c.expiryDate);
    }

    /** Certificate numbers are codes: read as {@link IdentifierText#normaliseCode} folds them, wherever they come from. */
    public static String normaliseNumber(String raw) {
        return IdentifierText.normaliseCode(raw);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
