package org.armstrace.identity;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At the first start of a server (no token issued yet) issues the bootstrap token and prints it once: the only
 * way in to everything under /api that is not public, until sign-in and roles exist.
 */
@Component
class BootstrapToken {

	private final ApiTokens tokens;

	BootstrapToken(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@EventListener
	void onReady(ApplicationReadyEvent ready) {
		if (!(ready.getApplicationContext() instanceof WebServerApplicationContext) || tokens.anyIssued()) {
			return;
		}
		ApiTokens.IssuedToken issued = tokens.issue("bootstrap");
		System.out.println("""

				  ArmsTrace: first start. The bootstrap API token (shown once, stored only as a hash):

				      %s

				  Send it as 'Authorization: Bearer <token>' to the API. Keep it secret.
				""".formatted(issued.token()));
	}

}
