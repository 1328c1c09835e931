package org.szmark.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.szmark.account.Actor;
import org.szmark.body.CertificationBody;
import org.szmark.body.CertifierWrites;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateRepository;
import org.szmark.certificate.CertificateService;
import org.szmark.certificate.CertificateViews.IssueRequest;
import org.szmark.certificate.CertificateViews.ProductionSite;
import org.szmark.common.DomainException;
import org.szmark.common.DomainException.FieldError;
import org.szmark.common.NotFound;
import org.szmark.common.Persistence;
import org.szmark.common.TryAgainLater;
import org.szmark.config.SzmarkConfig;
import org.szmark.enterprise.EnterpriseService;
import org.szmark.enterprise.EnterpriseService.Batched;
import org.szmark.enterprise.EnterpriseViews.EnterpriseRequest;
import org.szmark.enterprise.EnterpriseViews.ProductItem;
import org.szmark.enterprise.Product;
import org.szmark.imports.ImportPlan.RowState;
import org.szmark.imports.ImportViews.ImportView;
import org.szmark.imports.ImportViews.RowResult;
import org.szmark.log.LogService;
import org.szmark.standard.Standard;
import org.szmark.standard.StandardRepository;

/**
 * Imports of holders, products and certificates from a file (docs/import.md), through the same services as the
 * batch APIs: {@link EnterpriseService#createBatch}, {@link EnterpriseService#addProducts} and
 * {@link CertificateService#issueBatch}, a batch of rows at a time.
 *
 * <p>A file is all or nothing: the whole import is one transaction, committed only when every row is created or
 * present; a dry run, or a file with any refused row, is rolled back after every row was tried, so its report says
 * what each row would have come to. The transaction first locks the importing body's row, the lock every issuance
 * of the body takes, so two imports of one body follow each other: the second finds the first's certificates
 * present. A row's certificate is present when the body has one with the row's number, or (without a number) for
 * the row's holder, product, standard and issue date, with the same data where the row gives it.
 *
 * <p>Jobs run on this instance's import workers ({@code szmark.imports.concurrent-jobs}), in a request context
 * carrying the caller's identity, so the audit trail names the real actor.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Longest an import's transaction may take; a file of 10,000 rows takes well under a minute (docs/performance.md). */
    static final int TRANSACTION_TIMEOUT_SECONDS = 900;
    /** Attempts of an import whose transaction lost a race it cannot see coming (a lock timeout, a concurrent insert). */
    static final int ATTEMPTS = 3;

    @Inject EntityManager em;
    @Inject EnterpriseService enterprises;
    @Inject CertificateService certificates;
    @Inject CertificateRepository certificateRows;
    @Inject StandardRepository standards;
    @Inject LogService log;
    @Inject SzmarkConfig config;
    @Inject Clock clock;
    @Inject ObjectMapper json;
    @Inject CurrentIdentityAssociation identities;
    @Inject TransactionSynchronizationRegistry transactions;

    private ExecutorService workers;
    private final AtomicInteger held = new AtomicInteger();
    private final Map<Long, ReentrantLock> bodyTurns = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, config.imports().concurrentJobs()), r -> {
            Thread t = new Thread(r, "szmark-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    // ---- reading ----

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * Reads a file sent as {@code mediaType} (text/csv, the XLSX type, or application/octet-stream to tell by its
     * bytes). Refuses, before anything is written, a file whose bytes do not fit its type, whose encoding, columns
     * or form are wrong, or that has more rows than {@code szmark.imports.max-rows}.
     */
    public ImportFile read(byte[] bytes, String mediaType, String charset) {
        if (bytes == null || bytes.length == 0) throw new ImportRefused("import-format", "The request has no file; send it as the body");
        if (bytes.length > config.imports().maxFileSize().asLongValue()) {
            throw new ImportRefused("import-too-large", "The file is larger than " + config.imports().maxFileSize().asLongValue()
                    + " bytes (szmark.imports.max-file-size)");
        }
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole = bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0;
        String type = mediaType == null ? "application/octet-stream" : mediaType;
        boolean sentAsCsv = type.equals("text/csv");
        if (ole) {
            throw new ImportRefused("import-format", "The file is an .xls workbook or an encrypted one; save it as .xlsx without "
                    + "a password, or as CSV UTF-8; nothing was imported");
        }
        if (zip && sentAsCsv) {
            throw new ImportRefused("import-format", "The body was sent as text/csv but is a zip file (an XLSX workbook?); send it as "
                    + XLSX);
        }
        if (!zip && type.equals(XLSX)) {
            throw new ImportRefused("import-format", "The body was sent as an XLSX workbook but is not one (no zip); send a CSV file "
                    + "as text/csv");
        }
        RowCollector rows = new RowCollector(config.imports().maxRows());
        List<String> warnings = new ArrayList<>();
        String format;
        String encoding = null;
        if (zip) {
            format = "XLSX";
            XlsxReader.Read read = XlsxReader.read(bytes, new XlsxReader.Limits(config.imports().maxUnpackedSize().asLongValue(),
                    config.imports().maxCompressionRatio(), config.imports().maxRows()), rows);
            if (read.formulaCells() > 0) {
                warnings.add(read.formulaCells() + " cells hold formulas: the values the workbook stored with them were read; "
                        + "no formula was evaluated");
            }
        } else {
            format = "CSV";
            CsvReader.Decoded text = CsvReader.decode(bytes, charset);
            encoding = text.encoding();
            if (text.warning() != null) warnings.add(text.warning());
            CsvReader.read(text.text(), rows);
        }
        if (rows.rows().isEmpty()) {
            throw new ImportRefused("import-columns", "The file has a header row but no rows of data; nothing was imported");
        }
        return new ImportFile(format, encoding, rows.headers(), rows.rows(), warnings, sha256(bytes));
    }

    // ---- jobs ----

    /**
     * Records a job for the file, in the caller's transaction, and hands it to a worker once that commits. Refused
     * with 503 {@code imports-busy} when this instance holds as many jobs as {@code szmark.imports.max-queued}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportJob start(ImportFile file, boolean dryRun, Actor actor, SecurityIdentity identity) {
        if (held.incrementAndGet() > config.imports().maxQueued()) {
            held.decrementAndGet();
            throw TryAgainLater.busy("imports-busy", "This instance is running and holding as many imports as it takes ("
                    + config.imports().maxQueued() + "); send the file again in a minute", 30);
        }
        ImportJob job;
        try {
            job = new ImportJob();
            job.id = UUID.randomUUID().toString();
            job.accountId = actor.accountId();
            job.bodyId = actor.bodyId();
            job.dryRun = dryRun;
            job.status = ImportJob.Status.QUEUED;
            job.format = file.format();
            job.encoding = file.encoding();
            job.sha256 = file.sha256();
            job.rowsTotal = file.rows().size();
            job.warnings = file.warnings().isEmpty() ? null : json.writeValueAsString(file.warnings());
            job.createdAt = now();
            job.updatedAt = job.createdAt;
            em.persist(job);
            em.flush();
        } catch (RuntimeException | JsonProcessingException e) {
            held.decrementAndGet();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        String id = job.id;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override public void beforeCompletion() { }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    workers.execute(() -> run(id, file, dryRun, actor, identity));
                } else {
                    held.decrementAndGet();
                }
            }
        });
        return job;
    }

    /** The job if the caller's body made it; another body's is not found. */
    public ImportJob get(String id, Actor actor) {
        ImportJob job = id == null || id.length() > 36 ? null : em.find(ImportJob.class, id);
        if (job == null || !actor.isCertifierOf(job.bodyId)) throw new NotFound("No import " + id + " of your body");
        return job;
    }

    public List<ImportJob> list(Actor actor, int page, int size) {
        return em.createQuery("from ImportJob where bodyId = :b order by createdAt desc, id", ImportJob.class)
                .setParameter("b", actor.bodyId()).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(Actor actor) {
        return em.createQuery("select count(j) from ImportJob j where j.bodyId = :b", Long.class)
                .setParameter("b", actor.bodyId()).getSingleResult();
    }

    /** The job as the API shows it; a job that stopped moving (its instance stopped) shows FAILED. */
    public ImportView view(ImportJob job, boolean withResults) {
        String status = job.status.name();
        String detail = job.detail;
        boolean unfinished = job.status == ImportJob.Status.QUEUED || job.status == ImportJob.Status.RUNNING;
        if (unfinished && job.updatedAt.isBefore(now().minus(config.imports().staleAfter()))) {
            status = ImportJob.Status.FAILED.name();
            detail = "The import stopped without finishing (the instance running it stopped); nothing was written. Import "
                    + "the file again";
        }
        List<RowResult> results = withResults && job.report != null ? results(job) : null;
        return new ImportView(job.id, job.dryRun, status, job.format, job.encoding, new ImportViews.Rows(job.rowsTotal, job.rowsDone),
                new ImportViews.Summary(job.rowsCreated, job.rowsPresent, job.rowsRefused, job.holdersCreated, job.productsCreated),
                job.written, detail, warnings(job), job.createdAt, job.finishedAt,
                job.report == null ? null : "/api/v1/imports/" + job.id + "/errors.csv", results);
    }

    /** The refused rows of a finished job as CSV; before it finishes, 409 {@code import-not-finished}. */
    public byte[] errorsCsv(ImportJob job) {
        if (job.report == null && job.finishedAt == null) {
            throw new org.szmark.common.Conflict("import-not-finished", "Import " + job.id + " is not finished yet");
        }
        return ImportDocuments.errorsCsv(results(job), job.detail);
    }

    public List<RowResult> results(ImportJob job) {
        if (job.report == null) return List.of();
        try {
            return json.readValue(job.report, new TypeReference<List<RowResult>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import report cannot be read", e);
        }
    }

    private List<String> warnings(ImportJob job) {
        if (job.warnings == null) return null;
        try {
            return json.readValue(job.warnings, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import warnings cannot be read", e);
        }
    }

    // ---- running ----

    private void run(String id, ImportFile file, boolean dryRun, Actor actor, SecurityIdentity identity) {
        // One import of a body at a time on this instance: the next waits here rather than on the body's row lock.
        ReentrantLock turn = bodyTurns.computeIfAbsent(actor.bodyId(), b -> new ReentrantLock(true));
        turn.lock();
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            identities.setIdentity(identity);
            QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                            "update ImportJob set status = :s, updatedAt = :t where id = :id")
                    .setParameter("s", ImportJob.Status.RUNNING).setParameter("t", now()).setParameter("id", id).executeUpdate());
            ImportPlan plan = null;
            for (int attempt = 1; ; attempt++) {
                plan = new ImportPlan(file);
                try {
                    execute(id, plan, dryRun, actor);
                    break;
                } catch (DomainException e) {
                    // Thrown out of the transaction, a conflict is a holder or product another request registered at
                    // the same moment (EnterpriseService.createBatch): the next attempt finds it present.
                    if (attempt < ATTEMPTS && e instanceof org.szmark.common.Conflict) continue;
                    // Anything else refuses the whole file (the body may not issue, say): no row is to blame.
                    finish(id, null, false, ImportJob.Status.REFUSED, e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    if (attempt < ATTEMPTS && (Persistence.isBusy(e) || Persistence.isConstraintViolation(e))) {
                        LOG.infof("Import %s lost a race with another write; trying again (%d)", id, attempt);
                        continue;
                    }
                    String incident = UUID.randomUUID().toString();
                    LOG.errorf(e, "Import %s failed, incident %s", id, incident);
                    finish(id, null, false, ImportJob.Status.FAILED, "The registry could not complete the import (incident "
                            + incident + "); nothing was written. Import the file again");
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s could not be recorded", id);
        } finally {
            request.terminate();
            turn.unlock();
            held.decrementAndGet();
        }
    }

    /** A transaction that is rolled back on purpose (a dry run, a refused row), carrying nothing but that. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    private void execute(String id, ImportPlan plan, boolean dryRun, Actor actor) {
        try {
            QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).run(() -> {
                // The lock every issuance of the body takes (CertificateService), first: imports of one body follow
                // each other, and what a later one checks was committed by the earlier one.
                CertificationBody body = em.find(CertificationBody.class, actor.bodyId(), LockModeType.PESSIMISTIC_WRITE);
                CertifierWrites.issue(body);
                writeRows(id, plan, actor);
                if (dryRun || plan.count(ImportPlan.REFUSED) > 0) throw new RolledBack();
                record(id, plan, true, ImportJob.Status.SUCCEEDED, null);
                // The log last, as every write of the API does (Idempotency): its lock is held only to the commit.
                log.writeAppends();
            });
        } catch (RolledBack r) {
            finish(id, plan, false, plan.count(ImportPlan.REFUSED) > 0 ? ImportJob.Status.REFUSED : ImportJob.Status.SUCCEEDED,
                    plan.count(ImportPlan.REFUSED) > 0 ? plan.count(ImportPlan.REFUSED) + " rows are refused; nothing was written"
                            + (dryRun ? " (a dry run writes nothing anyway)" : "") : null);
        }
    }

    private void writeRows(String id, ImportPlan plan, Actor actor) {
        int size = Math.max(1, Math.min(config.certificates().maxBatchSize(), config.enterprises().maxBatchSize()));
        Map<String, Object> holders = new HashMap<>();
        Map<String, Object> products = new HashMap<>();
        List<RowState> open = plan.rows.stream().filter(r -> !r.refused()).toList();
        int done = plan.rows.size() - open.size();
        for (int from = 0; from < open.size(); from += size) {
            List<RowState> chunk = open.subList(from, Math.min(open.size(), from + size));
            holders(chunk, holders, actor, plan);
            products(chunk, products, actor, plan);
            certificates(chunk, products, actor, plan);
            done += chunk.size();
            progress(id, done);
        }
    }

    /** Registers the holders first named in this chunk (or finds them present), and applies each outcome to its rows. */
    private void holders(List<RowState> chunk, Map<String, Object> outcomes, Actor actor, ImportPlan plan) {
        Map<String, RowState> fresh = new LinkedHashMap<>();
        for (RowState r : chunk) {
            if (!outcomes.containsKey(r.holderKey)) fresh.putIfAbsent(r.holderKey, r);
        }
        if (!fresh.isEmpty()) {
            List<EnterpriseRequest> items = fresh.values().stream().map(r -> new EnterpriseRequest(r.cell(ImportColumn.CREDIT_CODE),
                    r.cell(ImportColumn.HOLDER_NAME_ZH), r.cell(ImportColumn.HOLDER_NAME_EN), r.cell(ImportColumn.HOLDER_ADDRESS_ZH),
                    r.cell(ImportColumn.HOLDER_ADDRESS_EN), null)).toList();
            List<Object> results = enterprises.createBatch(items, actor);
            int i = 0;
            for (String key : fresh.keySet()) outcomes.put(key, results.get(i++));
        }
        for (RowState r : chunk) {
            Object o = outcomes.get(r.holderKey);
            if (o instanceof Batched<?> b) {
                r.holder = b.created() ? ImportPlan.CREATED : ImportPlan.PRESENT;
            } else {
                r.holder = ImportPlan.REFUSED;
                refuse(plan, r, (DomainException) o, HOLDER_FIELDS);
            }
        }
    }

    private void products(List<RowState> chunk, Map<String, Object> outcomes, Actor actor, ImportPlan plan) {
        Map<String, RowState> fresh = new LinkedHashMap<>();
        for (RowState r : chunk) {
            if (!r.refused() && !outcomes.containsKey(r.productKey)) fresh.putIfAbsent(r.productKey, r);
        }
        if (!fresh.isEmpty()) {
            List<ProductItem> items = fresh.values().stream().map(r -> new ProductItem(r.cell(ImportColumn.CREDIT_CODE),
                    r.cell(ImportColumn.PRODUCT_NAME_ZH), r.cell(ImportColumn.PRODUCT_NAME_EN), r.cell(ImportColumn.PRODUCT_MODEL),
                    r.cell(ImportColumn.TRADEMARK), r.cell(ImportColumn.GTIN))).toList();
            List<Object> results = enterprises.addProducts(items, actor);
            int i = 0;
            for (String key : fresh.keySet()) outcomes.put(key, results.get(i++));
        }
        for (RowState r : chunk) {
            if (r.refused()) continue;
            Object o = outcomes.get(r.productKey);
            if (o instanceof Batched<?> b) {
                r.product = b.created() ? ImportPlan.CREATED : ImportPlan.PRESENT;
            } else {
                r.product = ImportPlan.REFUSED;
                refuse(plan, r, (DomainException) o, PRODUCT_FIELDS);
            }
        }
    }

    /** Finds the certificates of the chunk's rows that are present, and issues the others as one batch. */
    private void certificates(List<RowState> chunk, Map<String, Object> products, Actor actor, ImportPlan plan) {
        List<RowState> rows = chunk.stream().filter(r -> !r.refused()).toList();
        if (rows.isEmpty()) return;
        Map<String, Long> standardIds = new HashMap<>();
        Set<String> numbers = new java.util.HashSet<>();
        Set<Long> holderIds = new java.util.HashSet<>();
        for (RowState r : rows) {
            standardIds.put(ImportPlan.standardKey(r.cell(ImportColumn.STANDARD)), null);
            if (r.cell(ImportColumn.CERTIFICATE_NUMBER) != null) numbers.add(CertificateService.normaliseNumber(r.cell(ImportColumn.CERTIFICATE_NUMBER)));
            holderIds.add(product(products, r).enterpriseId);
        }
        for (Standard s : standards.findByNumbers(standardIds.keySet())) standardIds.put(s.number, s.id);
        Map<String, Certificate> byNumber = new HashMap<>();
        if (!numbers.isEmpty()) certificateRows.list("number in ?1", numbers).forEach(c -> byNumber.put(c.number, c));
        Map<String, List<Certificate>> byKey = new HashMap<>();
        for (Certificate c : certificateRows.list("bodyId = ?1 and holderId in ?2 order by id", actor.bodyId(), holderIds)) {
            byKey.computeIfAbsent(key(c.productId, c.standardId, c.issueDate), k -> new ArrayList<>()).add(c);
        }
        List<RowState> toIssue = new ArrayList<>();
        for (RowState r : rows) {
            Product p = product(products, r);
            Long standardId = standardIds.get(ImportPlan.standardKey(r.cell(ImportColumn.STANDARD)));
            String given = r.cell(ImportColumn.CERTIFICATE_NUMBER);
            if (given != null) {
                Certificate c = byNumber.get(CertificateService.normaliseNumber(given));
                if (c == null) {
                    toIssue.add(r);
                } else if (!c.bodyId.equals(actor.bodyId())) {
                    refuseCertificate(plan, r, ImportColumn.CERTIFICATE_NUMBER, "duplicate-certificate",
                            "Certificate number " + c.number + " is already taken");
                } else {
                    List<String> differ = differences(c, r, p, standardId);
                    if (differ.isEmpty()) present(r, c);
                    else refuseCertificate(plan, r, null, "duplicate-certificate", "Your body's certificate " + c.number
                            + " says other " + String.join(", ", differ) + "; an import never changes a certificate");
                }
                continue;
            }
            List<Certificate> candidates = standardId == null || r.issueDate == null ? List.of()
                    : byKey.getOrDefault(key(p.id, standardId, r.issueDate), List.of());
            Certificate same = candidates.stream().filter(c -> differences(c, r, p, standardId).isEmpty()).findFirst().orElse(null);
            if (same != null) {
                present(r, same);
            } else if (!candidates.isEmpty()) {
                refuseCertificate(plan, r, null, "duplicate-certificate", "Your body's certificate " + candidates.get(0).number
                        + " for this holder, product and standard, issued on " + r.issueDate + ", says other "
                        + String.join(", ", differences(candidates.get(0), r, p, standardId))
                        + "; give the row a certificateNumber if it is another certificate");
            } else {
                toIssue.add(r);
            }
        }
        if (toIssue.isEmpty()) return;
        List<IssueRequest> items = toIssue.stream().map(r -> new IssueRequest(r.cell(ImportColumn.CERTIFICATE_NUMBER),
                r.cell(ImportColumn.CREDIT_CODE), r.cell(ImportColumn.PRODUCT_MODEL),
                new ProductionSite(r.cell(ImportColumn.SITE_NAME), r.cell(ImportColumn.SITE_ADDRESS)), r.cell(ImportColumn.STANDARD),
                r.cell(ImportColumn.SCOPE), r.cell(ImportColumn.CERTIFICATION_MODE), r.issueDate, r.expiryDate, r.firstIssueDate,
                null)).toList();
        List<Object> results = certificates.issueBatch(items, actor);
        for (int i = 0; i < toIssue.size(); i++) {
            RowState r = toIssue.get(i);
            if (results.get(i) instanceof Certificate c) {
                r.certificate = ImportPlan.CREATED;
                r.number = c.number;
            } else {
                r.certificate = ImportPlan.REFUSED;
                refuse(plan, r, (DomainException) results.get(i), CERTIFICATE_FIELDS);
            }
        }
    }

    private static Product product(Map<String, Object> products, RowState r) {
        return (Product) ((Batched<?>) products.get(r.productKey)).record();
    }

    private static String key(Long productId, Long standardId, java.time.LocalDate issueDate) {
        return productId + "\n" + standardId + "\n" + issueDate;
    }

    private static void present(RowState r, Certificate c) {
        r.certificate = ImportPlan.PRESENT;
        r.number = c.number;
    }

    /** The columns in which a row says something else than the certificate; cells it leaves empty say nothing. */
    private static List<String> differences(Certificate c, RowState r, Product p, Long standardId) {
        List<String> differ = new ArrayList<>();
        if (!c.productId.equals(p.id)) differ.add(ImportColumn.PRODUCT_MODEL.en);
        if (!c.holderId.equals(p.enterpriseId)) differ.add(ImportColumn.CREDIT_CODE.en);
        if (!Objects.equals(c.standardId, standardId)) differ.add(ImportColumn.STANDARD.en);
        if (!Objects.equals(c.issueDate, r.issueDate)) differ.add(ImportColumn.ISSUE_DATE.en);
        if (r.expiryDate != null && !r.expiryDate.equals(c.expiryDate)) differ.add(ImportColumn.EXPIRY_DATE.en);
        if (r.firstIssueDate != null && !r.firstIssueDate.equals(c.firstIssueDate)) differ.add(ImportColumn.FIRST_ISSUE_DATE.en);
        if (!Objects.equals(r.cell(ImportColumn.SCOPE), c.scope)) differ.add(ImportColumn.SCOPE.en);
        if (!Objects.equals(r.cell(ImportColumn.CERTIFICATION_MODE), c.certificationMode)) differ.add(ImportColumn.CERTIFICATION_MODE.en);
        if (!Objects.equals(r.cell(ImportColumn.SITE_ADDRESS), c.siteAddress)) differ.add(ImportColumn.SITE_ADDRESS.en);
        if (r.cell(ImportColumn.SITE_NAME) != null && !r.cell(ImportColumn.SITE_NAME).equals(c.siteName)) differ.add(ImportColumn.SITE_NAME.en);
        return differ;
    }

    private static void refuseCertificate(ImportPlan plan, RowState r, ImportColumn column, String type, String message) {
        r.certificate = ImportPlan.REFUSED;
        plan.problem(r, column, type, message);
    }

    // Which column a member of each service's request comes from, so a refusal points at the file's cell.
    private static final Map<String, ImportColumn> HOLDER_FIELDS = Map.of("creditCode", ImportColumn.CREDIT_CODE,
            "nameZh", ImportColumn.HOLDER_NAME_ZH, "nameEn", ImportColumn.HOLDER_NAME_EN,
            "addressZh", ImportColumn.HOLDER_ADDRESS_ZH, "addressEn", ImportColumn.HOLDER_ADDRESS_EN);
    private static final Map<String, ImportColumn> PRODUCT_FIELDS = Map.of("holder", ImportColumn.CREDIT_CODE,
            "nameZh", ImportColumn.PRODUCT_NAME_ZH, "nameEn", ImportColumn.PRODUCT_NAME_EN, "model", ImportColumn.PRODUCT_MODEL,
            "trademark", ImportColumn.TRADEMARK, "gtin", ImportColumn.GTIN);
    private static final Map<String, ImportColumn> CERTIFICATE_FIELDS = Map.ofEntries(
            Map.entry("number", ImportColumn.CERTIFICATE_NUMBER), Map.entry("holder", ImportColumn.CREDIT_CODE),
            Map.entry("productModel", ImportColumn.PRODUCT_MODEL), Map.entry("productionSite", ImportColumn.SITE_ADDRESS),
            Map.entry("productionSite.name", ImportColumn.SITE_NAME), Map.entry("productionSite.address", ImportColumn.SITE_ADDRESS),
            Map.entry("standard", ImportColumn.STANDARD), Map.entry("scope", ImportColumn.SCOPE),
            Map.entry("certificationMode", ImportColumn.CERTIFICATION_MODE), Map.entry("issueDate", ImportColumn.ISSUE_DATE),
            Map.entry("expiryDate", ImportColumn.EXPIRY_DATE), Map.entry("firstIssueDate", ImportColumn.FIRST_ISSUE_DATE));

    /** A service's refusal as the row's problems: one per field it names (in the field's column), else its detail. */
    private static void refuse(ImportPlan plan, RowState r, DomainException e, Map<String, ImportColumn> fields) {
        if (e.fieldErrors().isEmpty()) {
            plan.problem(r, null, e.type(), e.getMessage());
            return;
        }
        for (FieldError f : e.fieldErrors()) {
            ImportColumn c = fields.get(f.field());
            if (c == null && f.field().startsWith("productionSite")) c = ImportColumn.SITE_ADDRESS;
            plan.problem(r, c, e.type(), f.message());
        }
    }

    // ---- recording ----

    private void progress(String id, int done) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update ImportJob set rowsDone = :d, updatedAt = :t where id = :id")
                .setParameter("d", done).setParameter("t", now()).setParameter("id", id).executeUpdate());
    }

    private void finish(String id, ImportPlan plan, boolean written, ImportJob.Status status, String detail) {
        QuarkusTransaction.requiringNew().run(() -> record(id, plan, written, status, detail));
    }

    /** The job's end, in the current transaction: for an import that is written, the import's own. */
    private void record(String id, ImportPlan plan, boolean written, ImportJob.Status status, String detail) {
        ImportJob job = em.find(ImportJob.class, id);
        job.status = status;
        job.written = written;
        job.detail = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 1999) + "…" : detail;
        OffsetDateTime t = now();
        job.updatedAt = t;
        job.finishedAt = t;
        if (plan != null) {
            job.rowsDone = plan.rows.size();
            job.rowsCreated = plan.count(ImportPlan.CREATED);
            job.rowsPresent = plan.count(ImportPlan.PRESENT);
            job.rowsRefused = plan.count(ImportPlan.REFUSED);
            job.holdersCreated = (int) plan.rows.stream().filter(r -> !r.refused() && ImportPlan.CREATED.equals(r.holder))
                    .map(r -> r.holderKey).distinct().count();
            job.productsCreated = (int) plan.rows.stream().filter(r -> !r.refused() && ImportPlan.CREATED.equals(r.product))
                    .map(r -> r.productKey).distinct().count();
            try {
                job.report = json.writeValueAsString(plan.results());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        em.flush();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
