package cn.ebillops.console;

import cn.ebillops.infra.KeyValueStore;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Failed console logins counted per account and per address in the shared key-value store (so
 * several instances and a restart count together). A window opens with the first failure and
 * lasts {@link ConsoleProperties#failedLoginWindow()}; once either count reaches the limit, every
 * attempt on that account or from that address is refused until the window ends, even with the
 * right password, so guessing gains nothing.
 */
@Component
class LoginAttempts {

    private static final int MAX_NAME = 64;

    private final KeyValueStore store;
    private final ConsoleProperties properties;

    LoginAttempts(KeyValueStore store, ConsoleProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    boolean limited(String account, String address) {
        return count(accountKey(account)) >= properties.maxFailedLogins()
                || count(addressKey(address)) >= properties.maxFailedLogins();
    }

    void failed(String account, String address) {
        store.increment(accountKey(account), properties.failedLoginWindow());
        store.increment(addressKey(address), properties.failedLoginWindow());
    }

    /** The owner got in: their account's count starts again (the address's does not). */
    void succeeded(String account) {
        store.delete(accountKey(account));
    }

    long windowMinutes() {
        return Math.max(1, properties.failedLoginWindow().toMinutes());
    }

    private long count(String key) {
        String v = store.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    static String accountKey(String account) {
        String name = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
        return "console-login-failed:account:" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
    }

    static String addressKey(String address) {
        return "console-login-failed:address:" + address;
    }
}
