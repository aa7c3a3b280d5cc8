package cn.ebillops.signing;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance, passed explicitly to JCA calls instead of being
 * registered globally with {@code Security.addProvider} (no process-wide side effect).
 */
public final class BcProvider {

    private static final Provider INSTANCE = new BouncyCastleProvider();

    private BcProvider() {
    }

    public static Provider get() {
        return INSTANCE;
    }
}
