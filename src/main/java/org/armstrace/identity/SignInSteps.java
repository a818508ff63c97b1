package org.armstrace.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in person must still do before they reach anything else, in order: choose
 * a password of their own after signing in with a one-time password
 * ({@link #NEW_PASSWORD}), then give the code of their second factor, or enrol one where
 * their role requires it ({@link #TOTP}). Each step is a factor in Spring Security's
 * sense: a session that lacks it is denied every page but the step's own, and sent there.
 * An API token acting for an account that still has its one-time password is refused; API
 * tokens need no second factor (they serve machines).
 */
@Component
class SignInSteps implements AuthorizationManager<RequestAuthorizationContext> {

	/** A password of one's own, chosen after signing in with a one-time password. */
	static final String NEW_PASSWORD = "FACTOR_NEW_PASSWORD";

	/** The code of a time-based one-time password generator (RFC 6238). */
	static final String TOTP = "FACTOR_TOTP";

	static final String PASSWORD_PAGE = "/account/password";

	static final String CODE_PAGE = "/sign-in/code";

	static final String ENROLMENT_PAGE = "/account/second-factor";

	private final Users users;

	private final SecondFactorPolicy policy;

	SignInSteps(Users users, SecondFactorPolicy policy) {
		this.users = users;
		this.policy = policy;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext request) {
		return decide(authentication.get(), Set.of());
	}

	/**
	 * The same rule, with the steps named here left out: the pages of those steps
	 * themselves.
	 */
	AuthorizationManager<RequestAuthorizationContext> allowing(String step) {
		return (authentication, request) -> {
			Authentication who = authentication.get();
			if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
				return new AuthorizationDecision(false);
			}
			return decide(who, Set.of(step));
		};
	}

	private AuthorizationResult decide(Authentication who, Set<String> allowed) {
		Optional<String> pending = pending(who).filter(step -> !allowed.contains(step));
		if (pending.isEmpty()) {
			return new AuthorizationDecision(true);
		}
		return new FactorAuthorizationDecision(
				List.of(RequiredFactorError.createMissing(RequiredFactor.withAuthority(pending.get()).build())));
	}

	/** The first step a signed-in session still has to take, if any. */
	Optional<String> pending(Authentication who) {
		if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
			return Optional.empty();
		}
		if (who.getPrincipal() instanceof ApiTokens.TokenHolder holder) {
			return holder.oneTimePassword() ? Optional.of(NEW_PASSWORD) : Optional.empty();
		}
		Users.Account account = users.find(who.getName()).orElse(null);
		if (account == null) {
			return Optional.empty();
		}
		if (account.mustChangePassword() && has(who, FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
			return Optional.of(NEW_PASSWORD);
		}
		if ((account.secondFactor() || policy.requires(account)) && !has(who, TOTP)) {
			return Optional.of(TOTP);
		}
		return Optional.empty();
	}

	/** The page of the first step still to take, or the dashboard. */
	String next(Authentication who) {
		return pending(who).map(step -> pageOf(step, who)).orElse("/");
	}

	private String pageOf(String step, Authentication who) {
		if (NEW_PASSWORD.equals(step)) {
			return PASSWORD_PAGE;
		}
		return users.find(who.getName()).map(Users.Account::secondFactor).orElse(false) ? CODE_PAGE : ENROLMENT_PAGE;
	}

	/** Sends a session to the page of the step it still has to take. */
	AuthenticationEntryPoint redirectTo(String step) {
		return new AuthenticationEntryPoint() {
			@Override
			public void commence(HttpServletRequest request, HttpServletResponse response,
					AuthenticationException missing) throws IOException {
				Authentication who = (Authentication) request.getUserPrincipal();
				response.sendRedirect(request.getContextPath() + pageOf(step, who));
			}
		};
	}

	static boolean has(Authentication who, String authority) {
		return who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
	}

}
