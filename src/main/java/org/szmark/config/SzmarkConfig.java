package org.szmark.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

/** Every {@code szmark.*} setting, with defaults that serve the embedded run. */
@ConfigMapping(prefix = "szmark")
public interface SzmarkConfig {

    /** Base URL printed in QR codes and links; QR codes are only as short as this is. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * Token given to the authority account created on first start. When absent a random token is
     * generated and written to the log once. A configured one must carry at least 128 bits by the estimate
     * of {@code TokenCodec.bootstrapWeakness} (README.md, Configuration), and none of it is stored in clear.
     */
    Optional<String> bootstrapToken();

    /** Seed the clearly labelled demo dataset into an empty database (never in the production profile). */
    @WithDefault("true")
    boolean demo();

    Keys keys();

    Certificates certificates();

    Webhooks webhooks();

    Log log();

    Caches caches();

    Limits limits();

    Retention retention();

    Pages pages();

    Reports reports();

    Surveillance surveillance();

    /**
     * Surveillance audits and the body dashboard (docs/surveillance.md). CNCA practice is surveillance at least
     * every 12 months, each scheme free to set its own rules; certificates carry no scheme, and the scheme a
     * certificate is surveilled under is its body's implementation rules, so the interval is set per body code.
     */
    interface Surveillance {
        /** Longest time from the issue date or the latest audit to the next audit, for bodies without a scheme entry. */
        @WithDefault("P12M")
        Period interval();

        /** Per body code (read as codes are, so {@code szqc} is SZQC): that body's scheme. */
        java.util.Map<String, Scheme> schemes();

        /** The dashboard lists certificates whose next audit is due within this many days (and overdue ones). */
        @WithDefault("30")
        int dueWithinDays();

        /** The dashboard lists suspensions whose last day is within this many days. */
        @WithDefault("14")
        int suspensionEndsWithinDays();

        /** A body's surveillance scheme. */
        interface Scheme {
            /** Longest time from the issue date or the latest audit to the next audit. */
            Period interval();
        }
    }

    Enterprises enterprises();

    Imports imports();

    /** Enterprises and products written many at once (enterprises:batch, products:batch). */
    interface Enterprises {
        /** Most enterprises, or products, in one batch request. */
        @WithDefault("1000")
        int maxBatchSize();
    }

    /**
     * Imports of holders, products and certificates from a CSV or XLSX file (docs/import.md). An import is one
     * transaction, so the limits bound how long it holds its body's issuing lock as much as memory.
     */
    interface Imports {
        /** Largest file accepted; imports have their own body limit, above szmark.http.max-body-size. */
        @WithDefault("8M")
        MemorySize maxFileSize();

        /** Most data rows of a file (the header not counted); one more refuses the file before anything is written. */
        @WithDefault("10000")
        int maxRows();

        /** Most bytes an XLSX file may unpack to, all its parts together, as declared and as actually inflated. */
        @WithDefault("64M")
        MemorySize maxUnpackedSize();

        /** Highest ratio of unpacked to packed size of an XLSX part larger than 100 KiB (a zip bomb's is thousands). */
        @WithDefault("100")
        int maxCompressionRatio();

        /** Imports one instance runs at once; more wait in its queue. */
        @WithDefault("2")
        int concurrentJobs();

        /** Imports one instance holds, running and waiting; beyond, a new one gets 503 busy with Retry-After. */
        @WithDefault("8")
        int maxQueued();

        /**
         * A job that has not moved for this long (its instance stopped while it ran or waited) is shown FAILED;
         * nothing of it was written, since an import is one transaction.
         */
        @WithDefault("10m")
        Duration staleAfter();
    }

    SignIn signIn();

    /** Staff sign-in with name and password (docs/accounts.md, "Staff sign-in"). */
    interface SignIn {
        /** Argon2id memory in KiB; raising it re-hashes each password at its next sign-in. */
        @WithDefault("19456")
        int argon2Memory();

        /** Argon2id passes over the memory. */
        @WithDefault("2")
        int argon2Iterations();

        @WithDefault("1")
        int argon2Parallelism();

        /** Shortest password accepted; a password may also not be the user name. */
        @WithDefault("12")
        int minPasswordLength();

        /** Failed sign-ins in a row that lock the name (known or not) ... */
        @WithDefault("5")
        int maxFailures();

        /** ... for this long. */
        @WithDefault("15m")
        Duration lockout();

        /** Failed sign-ins one client address may make per {@code lockout} period (kept in memory per instance). */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** A session unused for this long ends, on every instance (its database row is checked on each request). */
        @WithDefault("30m")
        Duration idleTimeout();

        /** A session ends this long after sign-in however busy it is. */
        @WithDefault("12h")
        Duration maxAge();

        /** How long a password link from the authority stays usable (once). */
        @WithDefault("24h")
        Duration linkValidity();

        /** Roles whose staff must use a TOTP second factor (comma-separated: AUTHORITY, CERTIFIER, ENTERPRISE). */
        Optional<java.util.Set<String>> totpRequiredRoles();

        /** Issuer shown by authenticator apps next to the user name. */
        @WithDefault("szmark")
        String totpIssuer();

        /** Sign-in through the authority's OpenID Connect provider (docs/accounts.md, "OpenID Connect"). */
        Oidc oidc();

        /** The provider itself (URL, client, secret) is configured with Quarkus' {@code quarkus.oidc.staff.*} keys. */
        interface Oidc {
            /** Off by default: /sign-in/oidc answers 404 and the sign-in page offers no provider. */
            @WithDefault("false")
            boolean enabled();

            /** The ID token claim whose value is the staff user name on first sign-in (then subject and issuer link). */
            @WithDefault("preferred_username")
            String claim();

            /** The provider's name in the link on the sign-in page: "Sign in with ...". */
            @WithDefault("OpenID Connect")
            String providerName();
        }
    }

    /** Reports of suspicious labels (docs/reports.md). */
    interface Reports {
        /** Reports one client address may send per period; beyond, 429 with Retry-After. */
        @WithDefault("5")
        int perClient();

        @WithDefault("1h")
        Duration period();

        /** Largest photo accepted with a report (JPEG, PNG, WebP or HEIC). */
        @WithDefault("3M")
        io.quarkus.runtime.configuration.MemorySize maxPhotoSize();

        /** A certificate number is flagged once this many reports name it ... */
        @WithDefault("3")
        int flagAfter();

        /** ... or once reports name it from this many different places. */
        @WithDefault("2")
        int flagPlaces();
    }

    /** What the public pages show besides the records (README.md, Configuration). */
    interface Pages {
        /**
         * The zone page times are written in. Chinese readers expect Beijing time; every time in JSON
         * stays ISO 8601 with its offset.
         */
        @WithDefault("Asia/Shanghai")
        java.time.ZoneId timeZone();

        /**
         * Where a consumer complains about a product that is not genuine: the market regulator's line
         * (12315 nationwide), shown on the verification page of a code that is not genuine.
         */
        @WithDefault("12315")
        String complaintLine();
    }

    Http http();

    /** Response headers and request size limits of the HTTP layer (web/SecurityHeaders, web/RequestLimits). */
    interface Http {
        /**
         * {@code max-age} of the Strict-Transport-Security header (RFC 6797 §6.1.1), sent only when
         * {@code public-base-url} is https. Zero sends {@code max-age=0}, which makes browsers forget the policy.
         */
        @WithDefault("365d")
        Duration hstsMaxAge();

        /**
         * Longest request line (method, target and version) answered; a longer one gets a 414 problem. The HTTP
         * decoder's own bound ({@code quarkus.http.limits.max-initial-line-length}) is set above it.
         */
        @WithDefault("4096")
        int maxRequestLine();

        /**
         * Most bytes of header fields (each counted as name, ": " and value); more gets a 431 problem. The HTTP
         * decoder's own bound ({@code quarkus.http.limits.max-header-size}) is set above it.
         */
        @WithDefault("20K")
        MemorySize maxHeaderSize();

        /**
         * Largest request body answered, declared or chunked; a larger one gets a 413 problem. Report uploads with a
         * photo may be larger, up to {@code reports.max-photo-size} and 64 KiB of form fields; the HTTP layer's own
         * bound ({@code quarkus.http.limits.max-body-size}) is set above both.
         */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    /**
     * Per-account request budgets and the cap on concurrent expensive reads (README.md, Configuration). The
     * budgets are kept in memory by each instance, so N instances behind a balancer allow N times the rate.
     */
    interface Limits {
        Writes writes();

        WebhookTests webhookTests();

        /** Public searches with free text, /bodies and /stats running at once on one instance. */
        @WithDefault("8")
        int concurrentSearches();

        /** How long such a read waits for a free place before it is answered 503 with Retry-After. */
        @WithDefault("1s")
        Duration searchWait();

        /**
         * Authenticated non-GET/HEAD/OPTIONS API requests of one account: a token bucket that holds
         * {@code burst} and refills at {@code rate} per second. A batch is one write.
         */
        interface Writes {
            /** Sustained writes per second per account; 0 turns the write limit off. */
            @WithDefault("200")
            int rate();

            @WithDefault("2000")
            int burst();
        }

        /** {@code POST /api/v1/webhooks/{id}/test}: per endpoint and per account, each within {@code period}. */
        interface WebhookTests {
            @WithDefault("5")
            int perEndpoint();

            @WithDefault("20")
            int perAccount();

            @WithDefault("1m")
            Duration period();
        }
    }

    /** How long finished records are kept before the purge job removes them (docs/webhooks.md, docs/records.md). */
    interface Retention {
        /** Idempotency records; a retry after this is a new request. */
        @WithDefault("24h")
        Duration idempotency();

        /** Delivered, failed and cancelled webhook deliveries with their attempts; pending ones are never purged. */
        @WithDefault("30d")
        Duration webhookDeliveries();

        /** Staff sessions after they ended (signed out, or last used); only the sign-in's audit entries stay. */
        @WithDefault("30d")
        Duration staffSessions();

        /** How often each instance runs the purge. */
        @WithDefault("1h")
        Duration purgeInterval();

        /** Rows deleted per transaction, so the purge never holds many locks for long. */
        @WithDefault("1000")
        int purgeChunk();
    }

    /**
     * In-memory caches of results that are expensive to make and cheap to check for staleness
     * (docs/performance.md). Sizes are entries; each cache is bounded and evicts the least used.
     */
    interface Caches {
        /**
         * Memory for verification results by token (with their JSON and rendered pages), each re-checked
         * against the database on every use; the least used go first.
         */
        @WithDefault("96M")
        MemorySize verifications();

        /** Rendered QR images and labels; they never change for a certificate and style. */
        @WithDefault("5000")
        int qrImages();

        /** Stored hashes of the log's Merkle tree, which never change once written. */
        @WithDefault("300000")
        int logHashes();
    }

    interface Keys {
        /** Folder for generated key material in the embedded run. */
        @WithDefault("keys")
        String dir();

        /**
         * Base64 of 32 bytes: AES-256-GCM key that seals body signing keys at rest. When absent, one is
         * generated into {@code <dir>/master.key} on first start.
         */
        Optional<String> masterKey();

        /** PKCS#8 PEM file with the authority root private key (production). */
        Optional<String> authorityKeyFile();

        /** PEM certificate of the authority root key; generated when absent. */
        Optional<String> authorityCertificateFile();

        /** PKCS#12 keystore holding the authority key and certificate (alternative to the PEM files). */
        Optional<String> authorityKeystore();

        Optional<String> authorityKeystorePassword();

        Optional<String> authorityKeystoreAlias();
    }

    interface Certificates {
        /** Longest suspension a body may impose before it must reinstate or revoke. */
        @WithDefault("P6M")
        Period maxSuspension();

        /** Most certificates in one batch issuance request. */
        @WithDefault("1000")
        int maxBatchSize();

        /** Years a certificate may be valid at most; the default expiry is issue + this − 1 day. */
        @WithDefault("3")
        int maxValidityYears();
    }

    /** Deliveries of certificate status changes to enterprises' webhook endpoints (docs/webhooks.md). */
    interface Webhooks {
        /** Attempts per delivery, the first included, before it is marked FAILED. */
        @WithDefault("10")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each further failure up to {@link #maxBackoff()}. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Connect timeout, and the time a receiver has to answer with a status line. */
        @WithDefault("5s")
        Duration timeout();

        /** How often each instance looks for due deliveries. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most deliveries one instance sends at once per poll. */
        @WithDefault("20")
        int batchSize();

        /**
         * Most delivery attempts one instance makes per second, retries included; 0 for no limit. Bounds the
         * machine time webhooks can take from writes, however many endpoints fail at once.
         */
        @WithDefault("100")
        int maxAttemptsPerSecond();

        @WithDefault("10")
        int maxEndpointsPerEnterprise();

        /**
         * Log entries per fan-out transaction (webhook/WebhookFanOut): deliveries are derived from the log after
         * each change commits, at most this many entries' worth per transaction, so a batch to a holder with
         * many endpoints is written in short transactions that hold no lock other bodies wait for.
         */
        @WithDefault("200")
        int fanOutChunk();

        /**
         * Whether endpoints may resolve to loopback, private, link-local or other non-public addresses. True
         * suits the embedded run and tests; set it to false in production so an endpoint cannot be used to
         * reach the registry's internal network.
         */
        @WithDefault("true")
        boolean allowPrivateTargets();
    }

    /** The public append-only log (docs/log.md). */
    interface Log {
        /**
         * The log's origin line and checkpoint key name, c2sp.org/tlog-checkpoint. When absent it is
         * derived from {@code public-base-url} as {@code host[:port][path]/log}, without the scheme.
         */
        Optional<String> origin();

        /** Longest time between an appended entry and the first checkpoint that covers it. */
        @WithDefault("1s")
        Duration checkpointInterval();

        /**
         * File with the checkpoint signing key as signed-note private key text
         * ({@code PRIVATE+KEY+<origin>+<key ID>+<key>}). When absent it is generated once into
         * {@code <keys.dir>/log.key}.
         */
        Optional<String> keyFile();

        /**
         * File with a checkpoint this log published (a signed note as {@code GET /log/checkpoint} gives it),
         * typically the latest one witnesses or monitors saw. At start the stored log must contain it (at
         * least its size, the same root at its size), or the registry refuses to start: a database restored
         * behind a published checkpoint is never served.
         */
        Optional<String> floorCheckpointFile();

        /**
         * Longest wait for the log lock (the turn of a change to append). An appender that waits longer
         * gets a 503 problem with Retry-After instead of stalling; appenders hold the lock only while
         * writing the log's own rows (milliseconds), so a wait this long means the database is overloaded.
         */
        @WithDefault("5s")
        Duration lockTimeout();
    }
}
