package cn.ebillops.signing;

import cn.ebillops.config.ConfigNode;
import java.time.Duration;

/**
 * Creates a {@link SigningServerClient} for a target whose {@code client} key equals {@link #type()}.
 * Add a vendor SDK by writing one more bean of this type (see docs/ebill-signing.md).
 */
public interface SigningServerClientProvider {

    String type();

    SigningServerClient create(ConfigNode target, Duration timeout);
}
