package org.szmark.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks host names up. Every webhook attempt asks it exactly once and connects to an address it answered, so
 * this is the one place a name becomes an address; tests replace it to map names to loopback addresses.
 */
public interface Resolver {
    /** Every address of {@code host} (an IP literal answers itself), or UnknownHostException. */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
