package cn.ebillops.signing.check;

import cn.ebillops.config.ConfigNode;
import cn.ebillops.inspection.Check;
import cn.ebillops.inspection.CheckFactory;
import cn.ebillops.signing.SigningServerClient;
import cn.ebillops.signing.SigningServerClientProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code kind: signing}: reachability, then per configured key a sign → local verify round
 * trip and the certificate's validity. The client implementation is chosen by {@code client}.
 */
@Component
public class SigningCheckFactory implements CheckFactory {

    private final Map<String, SigningServerClientProvider> providers;
    private final Clock clock;

    public SigningCheckFactory(List<SigningServerClientProvider> providers, Clock clock) {
        this.providers = providers.stream().collect(Collectors.toMap(SigningServerClientProvider::type, Function.identity()));
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "signing";
    }

    @Override
    public List<Check> create(ConfigNode node) {
        SigningTarget target = SigningTarget.from(node);
        SigningServerClientProvider provider = providers.get(target.client());
        if (provider == null) {
            throw node.error("client", target.client(), String.join("、", providers.keySet()));
        }
        SigningServerClient client = provider.create(node, target.timeout());
        List<Check> checks = new ArrayList<>();
        checks.add(new SigningReachabilityCheck(target, client));
        for (SigningTarget.KeyRef key : target.keys()) {
            checks.add(new SigningRoundTripCheck(target, client, key));
            checks.add(new SigningCertificateCheck(target, client, key, clock));
        }
        return List.copyOf(checks);
    }
}
