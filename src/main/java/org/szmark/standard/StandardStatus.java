package org.szmark.standard;

/** Catalogue status of a standard: only CURRENT standards can be the basis of new certificates. */
public enum StandardStatus { CURRENT, ABOLISHED, REPLACED }
