package org.szmark.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The JVM's resolver (the system's, with the JVM's positive and negative caches). */
@ApplicationScoped
public class SystemResolver implements Resolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
