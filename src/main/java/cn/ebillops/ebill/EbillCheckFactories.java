package cn.ebillops.ebill;

import cn.ebillops.assistant.PiiMasker;
import cn.ebillops.ebill.check.EbillCheckFactory;
import cn.ebillops.inspection.CheckFactory;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** The {@code kind: ebill} factory built by hand, for scripts/check-config.sh (parses targets, runs nothing). */
public final class EbillCheckFactories {

    private EbillCheckFactories() {
    }

    public static CheckFactory withoutSpring(UnaryOperator<String> env, PiiMasker masker, Clock clock) {
        return new EbillCheckFactory(env, masker, clock);
    }
}
