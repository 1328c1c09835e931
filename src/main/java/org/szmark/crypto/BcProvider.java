package org.szmark.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * One shared BouncyCastle JCA provider instance, passed explicitly to JCA factories instead of
 * being registered globally, so the rest of the application keeps its own provider order.
 * Building the provider is costly, hence the single lazily created instance.
 */
final class BcProvider {

    private BcProvider() {
    }

    private static final class Holder {
        static final Provider INSTANCE = new BouncyCastleProvider();
    }

    static Provider get() {
        return Holder.INSTANCE;
    }
}
