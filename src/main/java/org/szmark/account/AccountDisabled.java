package org.szmark.account;

/** Fired inside the transaction that disables an account, so what hangs off it (browser sessions) ends with it. */
public record AccountDisabled(long accountId) {}
