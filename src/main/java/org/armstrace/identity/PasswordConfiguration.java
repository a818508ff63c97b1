package org.armstrace.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords hashed with bcrypt, behind Spring Security's delegating encoder so the scheme
 * can move on later, and the sign-in that checks them.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Checks passwords against {@link Users}; a one-time password is good for one
	 * sign-in: a second sign-in with it is refused as expired.
	 */
	@Bean
	DaoAuthenticationProvider passwordSignIn(Users users, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users::loadUserByUsername);
		provider.setPasswordEncoder(passwords);
		provider.setPostAuthenticationChecks(account -> {
			if (!users.claimOneTimePassword(account.getUsername())) {
				throw new CredentialsExpiredException("this one-time password has already been used to sign in");
			}
		});
		return provider;
	}

}
