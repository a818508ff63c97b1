package org.armstrace.cli;

import org.armstrace.identity.FirstAdministrator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At the first start of a server (no user yet) has the administrator created and prints
 * its one-time password and API token, once: nothing else ever shows them.
 */
@Component
class FirstStartNotice {

	private final FirstAdministrator firstAdministrator;

	FirstStartNotice(FirstAdministrator firstAdministrator) {
		this.firstAdministrator = firstAdministrator;
	}

	@EventListener
	void onReady(ApplicationReadyEvent ready) {
		if (!(ready.getApplicationContext() instanceof WebServerApplicationContext)) {
			return;
		}
		firstAdministrator.createIfNoUser().ifPresent(first -> System.out.println("""

				  ArmsTrace: first start. Shown once, stored only as hashes:

				      administrator:  %s / %s   (good for one sign-in: choose a new password then)
				      API token:      %s   (acts as admin once admin has chosen a password;
				                      revoke it once you have your own)

				  Send the token as 'Authorization: Bearer <token>'. Keep both secret.
				""".formatted(first.username(), first.password(), first.apiToken())));
	}

}
