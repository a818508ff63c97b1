package org.armstrace.identity;

import java.util.EnumSet;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At the first start of a server (no user yet) creates the administrator {@code admin} with a one-time password,
 * to be changed at first sign-in, and an API token acting for it; prints both once. Only their hashes are kept.
 */
@Component
class FirstAdministrator {

	private final Users users;

	private final ApiTokens tokens;

	FirstAdministrator(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@EventListener
	void onReady(ApplicationReadyEvent ready) {
		if (!(ready.getApplicationContext() instanceof WebServerApplicationContext) || users.anyExists()) {
			return;
		}
		String password = users.generatePassword();
		Users.Account admin = users.create("admin", password, EnumSet.of(Role.ADMIN), true);
		ApiTokens.IssuedToken issued = tokens.issue(admin.id(), "bootstrap");
		System.out.println("""

				  ArmsTrace: first start. Shown once, stored only as hashes:

				      administrator:  admin / %s   (choose a new password at first sign-in)
				      API token:      %s   (acts as admin; revoke it once you have your own)

				  Send the token as 'Authorization: Bearer <token>'. Keep both secret.
				""".formatted(password, issued.token()));
	}

}
