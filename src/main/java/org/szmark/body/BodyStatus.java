package org.szmark.body;

/** A body's standing with the authority; only ACTIVE bodies issue or change certificates. */
public enum BodyStatus { ACTIVE, SUSPENDED, WITHDRAWN }
