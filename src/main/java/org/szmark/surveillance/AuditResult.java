package org.szmark.surveillance;

/** Outcome of a surveillance audit (获证后监督): passed, passed with findings to correct, or failed. */
public enum AuditResult { PASSED, PASSED_WITH_FINDINGS, FAILED }
