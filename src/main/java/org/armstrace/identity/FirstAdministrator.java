package org.armstrace.identity;

import java.util.EnumSet;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * At the first start of a server (no user yet) creates the administrator {@code admin}
 * with a one-time password, to be changed at first sign-in, and an API token acting for
 * it. Only their hashes are kept: the credentials in the clear are returned once, for the
 * caller to show, and never again.
 */
@Component
public class FirstAdministrator {

	/**
	 * The administrator's one-time credentials in the clear: to be shown once, never
	 * stored.
	 */
	public record Credentials(String username, String password, String apiToken) {
	}

	private final Users users;

	private final ApiTokens tokens;

	FirstAdministrator(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	/**
	 * Creates the administrator and its API token when the node has no user yet; empty
	 * when it has one.
	 */
	public Optional<Credentials> createIfNoUser() {
		if (users.anyExists()) {
			return Optional.empty();
		}
		String password = users.generatePassword();
		Users.Account admin = users.create("admin", password, EnumSet.of(Role.ADMIN), true);
		ApiTokens.IssuedToken issued = tokens.issue(admin.id(), "bootstrap");
		return Optional.of(new Credentials(admin.username(), password, issued.token()));
	}

}
