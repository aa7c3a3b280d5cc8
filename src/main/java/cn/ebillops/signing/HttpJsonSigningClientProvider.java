package cn.ebillops.signing;

import cn.ebillops.config.ConfigNode;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code client: http-json} (the default): see {@link HttpJsonSigningApi} for the keys. */
@Component
public class HttpJsonSigningClientProvider implements SigningServerClientProvider {

    static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/]+(/\\S*)?");

    private final UnaryOperator<String> secrets;

    @Autowired
    public HttpJsonSigningClientProvider(Environment env) {
        this(env::getProperty);
    }

    public HttpJsonSigningClientProvider(UnaryOperator<String> secrets) {
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return "http-json";
    }

    @Override
    public SigningServerClient create(ConfigNode target, Duration timeout) {
        URI base = URI.create(target.matching("baseUrl", HTTP_URL, "http(s)://主机:端口[/路径]"));
        HttpJsonSigningApi api = HttpJsonSigningApi.from(target.child("api"));
        String token = api.authTokenEnv().isBlank() ? "" : secrets.apply(api.authTokenEnv());
        return new HttpJsonSigningServerClient(base, api, token, timeout);
    }
}
