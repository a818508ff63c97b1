package org.armstrace.cli;

import org.armstrace.identity.Users;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code reset-sign-in --user=NAME}: gives an account a new one-time password and removes
 * its second factor, for the administrator who has lost theirs and has no other
 * administrator to ask. Runs on the server, with the database's credentials.
 */
@Component
class ResetSignInVerb implements Verb {

	private final Users users;

	ResetSignInVerb(Users users) {
		this.users = users;
	}

	@Override
	public String name() {
		return "reset-sign-in";
	}

	@Override
	public int run(ApplicationArguments args) {
		String username = Options.value(args, "user", null);
		if (username == null || users.find(username).isEmpty()) {
			System.err.println("usage: reset-sign-in --user=NAME (an existing user)");
			return 2;
		}
		System.out.printf("%s: one-time password %s (shown once; choose a new password and enrol a second factor "
				+ "at the next sign-in)%n", username, users.resetSignIn(username));
		return 0;
	}

}
