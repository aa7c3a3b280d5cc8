package cn.ebillops.console;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The console's only way in: a bot-config account's password, checked only while neither the
 * account nor the address has too many recent failures ({@link LoginAttempts}). Being the one
 * {@link AuthenticationProvider} bean also keeps Spring Boot from creating its default user.
 */
@Component
class LimitedLogin implements AuthenticationProvider {

    /** Too many failures: refused before the password is looked at. */
    static final class LoginLimited extends LockedException {
        LoginLimited(String message) {
            super(message);
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;

    LimitedLogin(ConsoleAccounts accounts, LoginAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(userId -> accounts.find(userId)
                .orElseThrow(() -> new UsernameNotFoundException("no console account")));
        // {bcrypt}, {argon2@…}, …: the hash names its own algorithm, so stronger ones can come later
        this.passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : "unknown";
        if (attempts.limited(account, address)) {
            throw new LoginLimited("登录失败次数过多，请 %d 分钟后再试".formatted(attempts.windowMinutes()));
        }
        try {
            Authentication done = passwords.authenticate(authentication);
            attempts.succeeded(account);
            return done;
        } catch (BadCredentialsException e) {
            attempts.failed(account, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
