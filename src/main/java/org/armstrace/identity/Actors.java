package org.armstrace.identity;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Who did something, as the ledger records it: {@code user:<uuid>}, an opaque id that
 * names no one (the ledger carries no personal data), the same whether the person used
 * the web UI or one of their API tokens.
 */
@Service
public class Actors {

	private final Users users;

	Actors(Users users) {
		this.users = users;
	}

	public String of(Principal principal) {
		Object who = principal instanceof Authentication authentication ? authentication.getPrincipal() : principal;
		if (who instanceof ApiTokens.TokenHolder holder) {
			return holder.getName();
		}
		return users.find(principal.getName())
			.map(account -> "user:" + account.id())
			.orElseThrow(() -> new IllegalStateException("no user " + principal.getName()));
	}

	/** The username behind a ledger actor {@code user:<uuid>}, or the actor itself. */
	public String username(String actor) {
		if (actor == null || !actor.startsWith("user:")) {
			return actor;
		}
		try {
			return users.find(UUID.fromString(actor.substring("user:".length())))
				.map(Users.Account::username)
				.orElse(actor);
		}
		catch (IllegalArgumentException notAUser) {
			return actor;
		}
	}

	/** The ledger actor of a user named on the command line. */
	public Optional<String> ofUsername(String username) {
		return users.find(username).map(account -> "user:" + account.id());
	}

}
