/**
 * The API document at {@code /q/openapi}: what it says once for all operations (the bearer scheme that Swagger
 * UI's Authorize button fills in, the tags operations are grouped by, the problem schema), and how examples get
 * into it ({@link org.szmark.apidoc.ApiExamples}). Each operation's requirement of the scheme is derived from its
 * {@code @RolesAllowed} ({@code quarkus.smallrye-openapi.auto-add-security-requirement}), so the document cannot
 * promise less protection than the code enforces. SmallRye reads a definition from a package or a JAX-RS
 * Application only, hence this file.
 */
@OpenAPIDefinition(
        info = @Info(title = "szmark API", version = "1", description = ApiDocument.DESCRIPTION),
        tags = {
                @Tag(name = ApiDocument.STANDARDS, description = "The catalogue of standards (标准目录). Only a CURRENT standard "
                        + "whose advancedness evaluation has passed is eligible for the mark. The authority writes; anyone reads."),
                @Tag(name = ApiDocument.BODIES, description = "Certification bodies (认证机构) approved by the authority, their status, "
                        + "and the certifier accounts that issue for them."),
                @Tag(name = ApiDocument.KEYS, description = "Body signing keys and the signed trust list that offline verifiers "
                        + "pin (docs/trust-model.md, docs/records.md)."),
                @Tag(name = ApiDocument.ENTERPRISES, description = "Certificate holders (获证企业) by unified social credit code, "
                        + "their products and their accounts."),
                @Tag(name = ApiDocument.CERTIFICATES, description = "Issuing certificates, changing their status (suspend, reinstate, "
                        + "revoke, cancel) and reading them. Every issuance and change is a signed record in the public log."),
                @Tag(name = ApiDocument.LABELS, description = "QR codes, printable mark labels and live status badges of a certificate."),
                @Tag(name = ApiDocument.VERIFICATION, description = "What a scanned label's QR code leads to: the verdict on a QR token."),
                @Tag(name = ApiDocument.LOG, description = "The public append-only log (RFC 6962 Merkle tree, C2SP signed checkpoints "
                        + "and tiles; docs/log.md) and proofs against it."),
                @Tag(name = ApiDocument.NOTICES, description = "Notices (公告) of suspensions, revocations, cancellations and abolished "
                        + "standards, as JSON and as an Atom feed."),
                @Tag(name = ApiDocument.ACCOUNTS, description = "Accounts, API tokens and the audit trail."),
                @Tag(name = ApiDocument.REPORTS, description = "Reports of suspicious labels: anyone sends one, the authority and "
                        + "the issuing body read them (docs/reports.md)."),
                @Tag(name = ApiDocument.SURVEILLANCE, description = "Surveillance audits a body records of its certificates, its "
                        + "dashboard, and the scheme rules' suspensions and revocations, offered and applied only on request "
                        + "(docs/surveillance.md)."),
                @Tag(name = ApiDocument.WEBHOOKS, description = "An enterprise's webhook endpoints and their delivery log (docs/webhooks.md)."),
                @Tag(name = ApiDocument.PAGES, description = "HTML pages for people, in Chinese or English (`?lang=zh` or `?lang=en`, "
                        + "else the Accept-Language header). They show what the JSON operations give; programs should use those.")
        },
        components = @Components(
                schemas = @Schema(name = "Problem", implementation = Problem.class),
                securitySchemes = @SecurityScheme(securitySchemeName = ApiDocument.BEARER, type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "szmk_ API token",
                        description = "An API token, `szmk_` followed by 43 base64url characters, sent as "
                                + "`Authorization: Bearer <token>` (RFC 6750 §2.1). The first authority token is printed once "
                                + "at the first start (or configured as SZMARK_BOOTSTRAP_TOKEN); the authority makes certifier "
                                + "and enterprise accounts, and each account can make more tokens for itself. Which role an "
                                + "operation needs is in its description and in its security requirement; without a token it "
                                + "answers 401 `unauthorized`, with the wrong role 403 `forbidden`.")))
package org.szmark.apidoc;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.szmark.web.Problem;

