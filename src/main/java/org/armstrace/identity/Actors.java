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

	/**
	 * A holder no firearm is held by: the stock of a dealer account not yet bound to its
	 * holder, which therefore sees nothing.
	 */
	public static final UUID NO_HOLDER = new UUID(0, 0);

	/**
	 * The stock a caller is confined to: for a dealer account (one that does not also
	 * read records as an officer), the holder it is bound to ({@link #NO_HOLDER} while it
	 * is bound to none); empty for everyone else.
	 */
	public Optional<UUID> dealerStock(Principal principal) {
		if (Role.readsRecords(principal) || !Role.anyOf(principal, Role.DEALER)) {
			return Optional.empty();
		}
		String actor = of(principal);
		UUID user = UUID.fromString(actor.substring("user:".length()));
		return Optional.of(users.holderOf(user).orElse(NO_HOLDER));
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
