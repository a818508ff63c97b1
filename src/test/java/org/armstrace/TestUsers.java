package org.armstrace;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.armstrace.identity.ApiTokens;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.springframework.stereotype.Component;

/**
 * People and machines for tests: a user with given roles, and an API token acting for
 * one.
 */
@Component
public class TestUsers {

	public static final String PASSWORD = "test-password-2026";

	private final Users users;

	private final ApiTokens tokens;

	TestUsers(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	public Users.Account user(Role... roles) {
		return users.create("t-" + UUID.randomUUID().toString().substring(0, 12), PASSWORD,
				EnumSet.copyOf(List.of(roles)), false);
	}

	public String token(Role... roles) {
		return tokenFor(user(roles));
	}

	public String tokenFor(Users.Account account) {
		return tokens.issue(account.id(), "test").token();
	}

}
