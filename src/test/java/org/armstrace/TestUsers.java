package org.armstrace;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.armstrace.identity.ApiTokens;
import org.armstrace.identity.Role;
import org.armstrace.identity.SecondFactors;
import org.armstrace.identity.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * People and machines for tests: a user with given roles, and an API token acting for
 * one. A user whose role must sign in with a second factor is enrolled with a secret of
 * its own; {@link #code(String)} gives the code an authenticator app would show.
 */
@Component
public class TestUsers {

	public static final String PASSWORD = "test-password-2026";

	/** Each enrolled test user's secret, and the last time step a code was made for. */
	private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

	private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

	private final Users users;

	private final ApiTokens tokens;

	private final SecondFactors secondFactors;

	private final Set<Role> secondFactorRoles;

	TestUsers(Users users, ApiTokens tokens, SecondFactors secondFactors,
			@Value("${armstrace.security.mfa.required-roles:ADMIN,AUDITOR}") Set<Role> secondFactorRoles) {
		this.users = users;
		this.tokens = tokens;
		this.secondFactors = secondFactors;
		this.secondFactorRoles = secondFactorRoles;
	}

	public Users.Account user(Role... roles) {
		Users.Account account = users.create("t-" + UUID.randomUUID().toString().substring(0, 12), PASSWORD,
				EnumSet.copyOf(List.of(roles)), false);
		if (List.of(roles).stream().anyMatch(secondFactorRoles::contains)) {
			enrol(account.username());
		}
		return account;
	}

	/**
	 * A dealer's account bound to its dealer holder: it sees that holder's stock only.
	 */
	public Users.Account dealerOf(UUID holderId) {
		Users.Account account = user(Role.DEALER);
		users.bindToHolder(account.id(), holderId);
		return account;
	}

	/** Enrols a second factor for the user; its codes come from {@link #code(String)}. */
	public void enrol(String username) {
		String secret = secondFactors.newSecret();
		SECRETS.put(username, secret);
		if (!secondFactors.enrol(username, secret, code(username))) {
			throw new IllegalStateException("cannot enrol " + username);
		}
	}

	public String token(Role... roles) {
		return tokenFor(user(roles));
	}

	public String tokenFor(Users.Account account) {
		return tokens.issue(account.id(), "test").token();
	}

	/**
	 * The next code of an enrolled test user's second factor: the current one, or the
	 * next time step's when the current one was already handed out (a code is accepted
	 * once, and one step ahead).
	 */
	public static String code(String username) {
		String secret = SECRETS.get(username);
		if (secret == null) {
			throw new IllegalStateException(username + " has no second factor enrolled by the tests");
		}
		long now = Instant.now().getEpochSecond() / 30;
		long step = LAST_STEP.merge(username, now, (last, current) -> Math.max(last + 1, current));
		return SecondFactors.codeAt(secret, Instant.ofEpochSecond(step * 30));
	}

	public static boolean enrolled(String username) {
		return SECRETS.containsKey(username);
	}

}
