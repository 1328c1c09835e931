package org.szmark.apidoc;

/** Names the API document (package-info) and the operations share: the bearer scheme and the tags. */
public final class ApiDocument {
    private ApiDocument() {}

    public static final String BEARER = "bearer";

    public static final String STANDARDS = "Standards";
    public static final String BODIES = "Bodies";
    public static final String KEYS = "Keys and trust list";
    public static final String ENTERPRISES = "Enterprises";
    public static final String CERTIFICATES = "Certificates";
    public static final String LABELS = "Labels and badges";
    public static final String VERIFICATION = "Verification";
    public static final String LOG = "Log";
    public static final String NOTICES = "Notices";
    public static final String ACCOUNTS = "Accounts";
    public static final String WEBHOOKS = "Webhooks";
    public static final String PAGES = "Public pages";
    public static final String REPORTS = "Reports";
    public static final String SURVEILLANCE = "Surveillance";

    public static final String DESCRIPTION = """
            The public registry of the Shenzhen Standard certification mark (深圳标准标识). The authority keeps the \
            catalogue of eligible standards and approves certification bodies; a body's certifiers register the \
            enterprises and products they certify and issue signed certificates; anyone verifies a label's QR code.

            Reads are public. Writes need `Authorization: Bearer <token>` (Authorize above). Every error is an \
            RFC 9457 `application/problem+json` document whose `type` is `urn:szmark:problem:<slug>`, for example \
            `validation` (400, with `errors[].field`), `malformed-json` (400), `unauthorized` (401), `forbidden` (403), \
            `not-found` (404), a conflict such as `duplicate-certificate` (409), an unprocessable reference such as \
            `unknown-holder` (422), `rate-limited` (429, with Retry-After), and `database-unavailable`, `busy` or \
            `searches-busy` (503, with Retry-After). Request bodies are strict JSON: an unknown member is refused. \
            Listings are paged with `page` (from 0) and `size` (1 to 200, default 50).

            README.md walks through one complete example, from an empty registry to a verified label.""";
}
