package cn.ebillops.signing;

import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.signing.check.SigningCheckFactory;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/** The {@code kind: signing} factory built by hand, for scripts/check-config.sh (parses targets, runs nothing). */
public final class SigningCheckFactories {

    private SigningCheckFactories() {
    }

    public static CheckFactory withoutSpring(UnaryOperator<String> env, Clock clock) {
        return new SigningCheckFactory(List.of(new HttpJsonSigningClientProvider(env)), clock);
    }
}
