package cn.ebillops.wecom;

import cn.ebillops.infra.KeyValueStore;
import java.time.Clock;
import java.time.Duration;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.AbstractWxCpInRedisConfigImpl;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Builds WxJava's {@link WxCpService} for the self-built app the way this project needs it: the
 * access token in the shared {@link KeyValueStore} (Redis, the database while Redis is down), the
 * API base URL resolved per call (the stand-in's port exists only once the server listens), a
 * timeout on every call, and one attempt per call: WxJava's own retry of -1 is switched off because
 * the caller retries under {@link cn.ebillops.infra.RetryPolicy}. WxJava still refreshes an invalid
 * token (40001/40014/42001) once and repeats the call, itself.
 */
final class WxCpServices {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest silence while reading an answer (a 20 MB upload streams well within it). */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Longest wait for a pooled connection. */
    static final Duration POOL_TIMEOUT = Duration.ofSeconds(5);
    /** Refresh this long before WeCom's expiry, so a call never carries a token that expires in flight. */
    static final Duration REFRESH_EARLY = Duration.ofMinutes(5);

    private WxCpServices() {
    }

    /** The service and its connection pool (closed with the client). */
    record Built(WxCpService service, PoolingHttpClientConnectionManager pool) {
    }

    static Built create(WecomProperties.App app, WecomEndpoints endpoints, KeyValueStore store, Clock clock) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(20);
        pool.setDefaultMaxPerRoute(20);
        StoreConfig config = new StoreConfig(new KeyValueRedisOps(store, clock), endpoints);
        config.setCorpId(app.corpId().trim());
        config.setCorpSecret(app.secret().trim());
        config.setAgentId(Integer.valueOf(app.agentId().trim())); // after the corp id: it names the token key
        config.setApacheHttpClientBuilder(new TimeoutHttpClients(pool));
        WxCpServiceImpl service = new SingleAttemptService();
        service.setWxCpConfigStorage(config);
        return new Built(service, pool);
    }

    /** WxJava's Redis-backed config over the store; URLs from {@link WecomEndpoints}. */
    static final class StoreConfig extends AbstractWxCpInRedisConfigImpl {
        private final transient WecomEndpoints endpoints;

        StoreConfig(KeyValueRedisOps ops, WecomEndpoints endpoints) {
            super(ops, "wecom:app");
            this.endpoints = endpoints;
        }

        @Override
        public String getApiUrl(String path) {
            return endpoints.api(path);
        }

        @Override
        public void updateAccessToken(WxAccessToken token) {
            updateAccessToken(token.getAccessToken(), token.getExpiresIn());
        }

        @Override
        public void updateAccessToken(String token, int expiresInSeconds) {
            long early = Math.max(60, expiresInSeconds - REFRESH_EARLY.toSeconds());
            super.updateAccessToken(token, (int) early);
        }
    }

    /**
     * WxJava's {@code execute} retries -1 itself (1, 2, 4… s) and, once it gives up or whenever its
     * retry count is 0, throws a runtime error without the errcode. One attempt here keeps the
     * errcode and leaves retrying to the caller's policy; the token refresh inside stays WxJava's.
     */
    static final class SingleAttemptService extends WxCpServiceImpl {
        @Override
        public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
            return executeInternal(executor, uri, data, false);
        }
    }

    /**
     * The Apache client WxJava calls through, with timeouts on connect, read and pool wait, no
     * automatic resend (the caller's retry policy decides), and a shared pool: WxJava closes the
     * client after each gettoken, which must not shut the pool down.
     */
    static final class TimeoutHttpClients implements ApacheHttpClientBuilder {
        private final PoolingHttpClientConnectionManager pool;

        TimeoutHttpClients(PoolingHttpClientConnectionManager pool) {
            this.pool = pool;
        }

        @Override
        public CloseableHttpClient build() {
            return HttpClients.custom()
                    .setConnectionManager(pool)
                    .setConnectionManagerShared(true)
                    .disableAutomaticRetries()
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                            .setSocketTimeout((int) READ_TIMEOUT.toMillis())
                            .setConnectionRequestTimeout((int) POOL_TIMEOUT.toMillis())
                            .build())
                    .build();
        }

        // No proxy, retry, keep-alive or TLS settings come from WxJava's config here: WxJava passes
        // its (unset) proxy settings on every start, so these accept and ignore them.
        @Override
        public ApacheHttpClientBuilder httpProxyHost(String host) {
            return this;
        }

        @Override
        public ApacheHttpClientBuilder httpProxyPort(int port) {
            return this;
        }

        @Override
        public ApacheHttpClientBuilder httpProxyUsername(String username) {
            return this;
        }

        @Override
        public ApacheHttpClientBuilder httpProxyPassword(String password) {
            return this;
        }

        @Override
        public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
            return this;
        }

        @Override
        public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
            return this;
        }

        @Override
        public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
            return this;
        }
    }
}
