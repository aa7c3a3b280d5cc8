package cn.ebillops.assistant.nlu;

import org.springframework.stereotype.Component;

/** Placeholder until the embedding classifier lands: every message is OTHER. */
@Component
class BootstrapClassifier implements MessageClassifier {

    @Override
    public Classification classify(String text) {
        return new Classification(Intent.OTHER, null, null, 0.0);
    }
}
