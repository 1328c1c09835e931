package org.szmark.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's wording, English by default; {@link ConsoleMessagesZh} gives the Chinese. Templates use them as
 * {@code {console:name}}, in the locale the page is rendered in.
 */
@MessageBundle(value = "console", locale = "en")
public interface ConsoleMessages {

    @Message("Console")
    String title();

    @Message("Dashboard")
    String navDashboard();

    @Message("Certificates")
    String navCertificates();

    @Message("Issue")
    String navIssue();

    @Message("Import")
    String navImport();

    @Message("Surveillance audits")
    String navAudits();

    @Message("Account")
    String navAccount();

    @Message("Sign out")
    String signOut();

    @Message("Signed in as")
    String signedInAs();

    @Message("中文")
    String langSwitch();

    @Message("Certificates by status")
    String byStatus();

    @Message("Surveillance audits due within {days} days or overdue")
    String auditsDue(Object days);

    @Message("overdue")
    String overdue();

    @Message("Next audit due")
    String nextDue();

    @Message("Last audit")
    String lastAudit();

    @Message("Audits")
    String audits();

    @Message("Suspensions ending within {days} days")
    String suspensionsEnding(Object days);

    @Message("Suspensions that ended without reinstatement")
    String suspensionsEnded();

    @Message("Suspended until")
    String suspendedUntil();

    @Message("Since")
    String since();

    @Message("None.")
    String none();

    @Message("Actions the scheme rules call for")
    String offered();

    @Message("Nothing here happens by itself. Tick the certificates to change and apply: each is checked again as it is changed, signed and logged.")
    String offeredHelp();

    @Message("Suspend: surveillance audit overdue")
    String offerSuspend();

    @Message("Revoke: suspension ended without reinstatement")
    String offerRevoke();

    @Message("Apply the ticked actions")
    String apply();

    @Message("Text for the signed events (optional)")
    String reasonTextOptional();

    @Message("Applied")
    String applied();

    @Message("Skipped (no longer due)")
    String skipped();

    @Message("Refused")
    String refusedCount();

    @Message("Result of the actions")
    String actionsResult();

    @Message("Back to the dashboard")
    String backToDashboard();

    @Message("Number")
    String number();

    @Message("Status")
    String status();

    @Message("Holder")
    String holder();

    @Message("Product")
    String product();

    @Message("Model")
    String model();

    @Message("Standard")
    String standard();

    @Message("Issue date")
    String issueDate();

    @Message("Expiry date")
    String expiryDate();

    @Message("Search")
    String search();

    @Message("Number, holder, credit code, product or model")
    String searchPlaceholder();

    @Message("Any status")
    String anyStatus();

    @Message("Issued by me")
    String mine();

    @Message("Export as CSV")
    String exportCsv();

    @Message("{count} certificates")
    String total(Object count);

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Certificate")
    String certificate();

    @Message("Signed history")
    String history();

    @Message("Event")
    String event();

    @Message("Reason")
    String reason();

    @Message("Recorded")
    String recorded();

    @Message("Log entry")
    String logIndex();

    @Message("The signed event")
    String signedEvent();

    @Message("This change is signed with your body's key and is entry {index} of the public log.")
    String signedEventHelp(Object index);

    @Message("This change is signed with your body's key and logged.")
    String signedEventPending();

    @Message("Key")
    String keyId();

    @Message("Signed content")
    String payload();

    @Message("Signature")
    String signature();

    @Message("Public verification page")
    String verificationPage();

    @Message("Change status")
    String changeStatus();

    @Message("Renew")
    String renew();

    @Message("Record a surveillance audit")
    String recordAudit();

    @Message("Audit date")
    String auditedOn();

    @Message("Result")
    String result();

    @Message("Notes")
    String notes();

    @Message("Save")
    String save();

    @Message("Audit recorded.")
    String auditSaved();

    @Message("I understand what this change does")
    String confirm();

    @Message("Sign and record this change")
    String doChange();

    @Message("Reason")
    String reasonPick();

    @Message("Explanation (shown on the verification page)")
    String reasonExplain();

    @Message("Last day of the suspension (at most {date})")
    String untilLatest(Object date);

    @Message("Please correct the marked fields.")
    String formErrors();

    @Message("Tick the confirmation.")
    String errconfirm();

    @Message("Choose a reason that fits this change.")
    String errreasonCode();

    @Message("Give the last day of the suspension.")
    String errsuspendedUntil();

    @Message("The explanation holds characters that are not allowed, or is longer than 1,000 characters.")
    String errreasonText();

    @Message("The form is incomplete: open it again.")
    String errexpectedSeq();

    @Message("The form is incomplete: open it again.")
    String errformKey();

    @Message("The registry refused this")
    String refused();

    @Message("Back")
    String back();

    @Message("Issue a certificate")
    String issueTitle();

    @Message("Renew certificate {number}")
    String renewTitle(Object number);

    @Message("Everything is taken from the certificate being renewed: change only what changed. It becomes superseded when the new one is issued.")
    String renewHelp();

    @Message("Holder (unified social credit code)")
    String holderCode();

    @Message("New holder, not registered yet")
    String newHolder();

    @Message("Name (Chinese)")
    String holderNameZh();

    @Message("Name (English)")
    String holderNameEn();

    @Message("Address")
    String holderAddress();

    @Message("Product model")
    String productModel();

    @Message("New product of this holder")
    String newProduct();

    @Message("Product name (Chinese)")
    String productNameZh();

    @Message("Product name (English)")
    String productNameEn();

    @Message("Trademark")
    String trademark();

    @Message("GTIN")
    String gtin();

    @Message("Choose an eligible standard")
    String pickStandard();

    @Message("Scope")
    String scope();

    @Message("Certification mode")
    String certificationMode();

    @Message("Production site name")
    String siteName();

    @Message("Production site address")
    String siteAddress();

    @Message("Certificate number (empty: the registry numbers it)")
    String numberOptional();

    @Message("Empty: {date}, the latest allowed ({years} years less a day)")
    String expiryDefault(Object date, Object years);

    @Message("Today unless you choose another day")
    String issueDefault();

    @Message("Sign and issue")
    String doIssue();

    @Message("Issued and logged.")
    String issued();

    @Message("Recorded and logged.")
    String changed();

    @Message("Body status")
    String bodyStatus();

    @Message("{#when code}{#is CORRECTABLE_NONCONFORMITY}Correctable nonconformity{#is MARK_MISUSE}Misuse of the mark{#is SURVEILLANCE_OVERDUE}Surveillance audit overdue{#is SURVEILLANCE_FAILED}Surveillance audit failed{#is SPOT_CHECK_FAILED}Spot check failed{#is HOLDER_REQUEST}At the holder's request{#is CORRECTION_VERIFIED}Correction verified{#is SUSPENSION_REQUEST_ENDED}The holder's requested suspension ended{#is NOT_CORRECTED}Not corrected in time{#is SERIOUS_DEFECT}Serious defect{#is QUALITY_ACCIDENT}Quality accident{#is FRAUD}Fraud{#is PRODUCT_DISCONTINUED}Product discontinued{#is RULES_NOT_MET}Certification rules no longer met{#is RECERTIFIED}Replaced by a new certificate{#is OTHER}Other{/when}")
    String reasonLabel(org.szmark.certificate.ReasonCode code);

    @Message("{#when status}{#is VALID}Valid{#is SUSPENDED}Suspended{#is REVOKED}Revoked{#is CANCELLED}Cancelled{#is EXPIRED}Expired{#else}{status}{/when}")
    String statusLabel(org.szmark.certificate.CertificateStatus status);

    @Message("{#when result}{#is PASSED}Passed{#is PASSED_WITH_FINDINGS}Passed with findings{#is FAILED}Failed{/when}")
    String resultLabel(org.szmark.surveillance.AuditResult result);

    @Message("{#when change}{#is ISSUED}Issued{#is SUSPENDED}Suspend{#is REINSTATED}Reinstate{#is REVOKED}Revoke{#is CANCELLED}Cancel{#is SUPERSEDED}Superseded{/when}")
    String changeLabel(org.szmark.certificate.StatusChange change);

    @Message("{#when change}{#is SUSPENDED}Labels on shelves will show SUSPENDED (暂停) when scanned, from now until the certificate is reinstated or its suspension ends. The mark may not be used meanwhile.{#is REINSTATED}Labels will show VALID (有效) again when scanned.{#is REVOKED}Revocation is final: labels will show REVOKED (撤销) when scanned, and the mark may no longer be used. It cannot be undone.{#is CANCELLED}Cancellation is final: labels will show CANCELLED (注销) when scanned. It cannot be undone.{/when}")
    String consequence(org.szmark.certificate.StatusChange change);

    @Message("Import holders, products and certificates")
    String importTitle();

    @Message("One row of the file is one certificate with its holder and its product. Start with a dry run: it shows what each row would come to and writes nothing. A file is imported all or nothing, and importing the same file again creates nothing twice.")
    String importHelp();

    @Message("Template")
    String template();

    @Message("CSV, Chinese headers")
    String templateZh();

    @Message("CSV, English headers")
    String templateEn();

    @Message("XLSX with column notes")
    String templateXlsx();

    @Message("File (CSV or XLSX, at most 10,000 rows)")
    String chooseFile();

    @Message("Dry run: show what would happen, write nothing")
    String dryRun();

    @Message("Send the file")
    String startImport();

    @Message("Recent imports")
    String recentImports();

    @Message("Import {id}")
    String jobTitle(Object id);

    @Message("Dry run")
    String jobDryRun();

    @Message("Status")
    String jobStatus();

    @Message("{#when status}{#is 'QUEUED'}Queued{#is 'RUNNING'}Running{#is 'SUCCEEDED'}Done{#is 'REFUSED'}Refused{#is 'FAILED'}Failed{#else}{status}{/when}")
    String jobStatusLabel(String status);

    @Message("{#when outcome}{#is 'CREATED'}created{#is 'PRESENT'}already present{#is 'REFUSED'}refused{#else}{outcome}{/when}")
    String outcomeLabel(String outcome);

    @Message("{done} of {total} rows")
    String progress(Object done, Object total);

    @Message("Created")
    String created();

    @Message("Already present")
    String present();

    @Message("Refused")
    String refusedRows();

    @Message("Holders created")
    String holdersCreated();

    @Message("Products created")
    String productsCreated();

    @Message("Download the error report (CSV)")
    String errorReport();

    @Message("Row")
    String row();

    @Message("Outcome")
    String outcome();

    @Message("Problems")
    String problems();

    @Message("The dry run found nothing to refuse. To import, send the same file again without the dry run.")
    String importForReal();

    @Message("Nothing was written.")
    String nothingWritten();

    @Message("Written to the registry.")
    String written();
}
