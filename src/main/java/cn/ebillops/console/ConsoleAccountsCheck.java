package cn.ebillops.console;

import cn.ebillops.config.BotConfig;
import cn.ebillops.config.BotConfigFiles;

/** scripts/check-config.sh's look at console-accounts.yaml: the start's own validation, without the console. */
public final class ConsoleAccountsCheck {

    public static final String FILE = ConsoleAccounts.FILE;

    private ConsoleAccountsCheck() {
    }

    public static void check(BotConfigFiles files, BotConfig config) {
        ConsoleAccounts.load(files.readOptional(FILE), config);
    }
}
