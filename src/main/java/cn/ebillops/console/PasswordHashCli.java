package cn.ebillops.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * scripts/hash-password.sh: reads a password (twice, not echoed, on a terminal; one line on a pipe)
 * and prints the hash for bot-config/console-accounts.yaml, e.g. {bcrypt}$2a$10$…. The password is
 * never an argument, so it stays out of the shell history and the process list.
 */
public final class PasswordHashCli {

    static final int MIN_LENGTH = 10;

    private PasswordHashCli() {
    }

    public static void main(String[] args) throws IOException {
        Console terminal = System.console();
        String password;
        if (terminal != null) {
            char[] first = terminal.readPassword("新密码（至少 %d 位）：", MIN_LENGTH);
            char[] again = terminal.readPassword("再输入一次：");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("两次输入的密码不一致，未生成哈希");
                System.exit(2);
            }
            password = new String(first);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.strip().length() < MIN_LENGTH) {
            System.err.printf("密码至少 %d 位，未生成哈希%n", MIN_LENGTH);
            System.exit(2);
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
    }
}
