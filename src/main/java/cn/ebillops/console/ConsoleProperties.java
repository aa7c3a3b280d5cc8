package cn.ebillops.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web console (config/console.yml, prefix ebillops.console).
 *
 * @param enabled            false: no console page, no console routes, no login (WeCom only)
 * @param demoPicker         the demo's "我是" picker instead of a login: anyone may speak as anyone,
 *                           so only the demo profile on loopback sets it
 * @param sessionTimeout     a logged-in session ends after this long without a request
 * @param maxFailedLogins    failed logins per account and per address within {@code failedLoginWindow}
 *                           before further attempts are refused
 * @param failedLoginWindow  how long failed logins are counted
 * @param historyPerChat     console lines kept per group chat and per person's direct messages (the newest)
 * @param historyRetention   console lines older than this are removed whatever the count
 */
@ConfigurationProperties("ebillops.console")
record ConsoleProperties(@DefaultValue("true") boolean enabled,
                         @DefaultValue("false") boolean demoPicker,
                         @DefaultValue("30m") Duration sessionTimeout,
                         @DefaultValue("5") int maxFailedLogins,
                         @DefaultValue("15m") Duration failedLoginWindow,
                         @DefaultValue("500") int historyPerChat,
                         @DefaultValue("90d") Duration historyRetention) {

    /** Login required: the console is on and the demo picker is off. */
    boolean login() {
        return enabled && !demoPicker;
    }
}
