package org.armstrace.identity;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.armstrace.command.Limits;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** One's own API tokens, and (for admins) the users. */
@RestController
@Tag(name = "Accounts", description = "Users and their API tokens")
class AccountController {

	record NewToken(@Size(max = Limits.NAME) String label) {
	}

	record NewUser(@Size(max = Limits.NAME) String username, @Size(max = Limits.FEW) Set<Role> roles) {
	}

	/**
	 * A created user with the one-time password to hand over; it must be changed at first
	 * sign-in.
	 */
	record CreatedUser(UUID id, String username, Set<Role> roles, String oneTimePassword) {
	}

	private final Users users;

	private final ApiTokens tokens;

	AccountController(Users users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@Operation(summary = "Your API tokens (without their secrets)")
	@GetMapping("/api/v1/account/tokens")
	List<ApiTokens.TokenInfo> myTokens(Principal who) {
		return tokens.tokensOf(userId(who));
	}

	@Operation(summary = "Create an API token acting for you; its secret is in this answer only")
	@PostMapping("/api/v1/account/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	ApiTokens.IssuedToken createToken(Principal who, @Valid @RequestBody NewToken body) {
		return tokens.issue(userId(who), body.label());
	}

	@Operation(summary = "Revoke one of your API tokens")
	@DeleteMapping("/api/v1/account/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeToken(Principal who, @PathVariable UUID id) {
		tokens.revoke(userId(who), id);
	}

	@Operation(summary = "All users (admin)")
	@GetMapping("/api/v1/users")
	List<Users.Account> allUsers() {
		return users.all();
	}

	@Operation(summary = "Create a user with a one-time password (admin)")
	@PostMapping("/api/v1/users")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedUser createUser(@Valid @RequestBody NewUser body) {
		if (body.roles() == null || body.roles().isEmpty()) {
			throw new IllegalArgumentException("roles: a user needs at least one role");
		}
		String password = users.generatePassword();
		Users.Account account = users.create(body.username(), password, EnumSet.copyOf(body.roles()), true);
		return new CreatedUser(account.id(), account.username(), account.roles(), password);
	}

	private UUID userId(Principal who) {
		Object principal = who instanceof Authentication authentication ? authentication.getPrincipal() : who;
		if (principal instanceof ApiTokens.TokenHolder holder) {
			return holder.userId();
		}
		return users.find(who.getName()).orElseThrow().id();
	}

}
