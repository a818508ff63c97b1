package org.armstrace.identity;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Optional OIDC sign-in: the identity provider says who someone is; ArmsTrace decides
 * what they may do. The claim named by {@code armstrace.oidc.username-claim} (default
 * {@code preferred_username}) must name an existing, enabled local account; its roles are
 * the account's, never the provider's. Anyone else is refused.
 */
@Component
class OidcAccounts {

	private final Users users;

	private final String usernameClaim;

	OidcAccounts(Users users, @Value("${armstrace.oidc.username-claim:preferred_username}") String usernameClaim) {
		this.users = users;
		this.usernameClaim = usernameClaim;
	}

	/** Loads the provider's user, then maps it onto the local account. */
	OidcUserService service() {
		OidcUserService delegate = new OidcUserService();
		return new OidcUserService() {
			@Override
			public OidcUser loadUser(OidcUserRequest request) {
				return map(delegate.loadUser(request));
			}
		};
	}

	OidcUser map(OidcUser fromProvider) {
		Object claim = fromProvider.getClaims().get(usernameClaim);
		String username = claim == null ? null : claim.toString();
		Users.Account account = username == null ? null : users.find(username).orElse(null);
		if (account == null || account.disabled()) {
			throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
					"no enabled ArmsTrace account '" + username + "' for this sign-in (claim " + usernameClaim + ")",
					null));
		}
		List<GrantedAuthority> roles = account.roles()
			.stream()
			.map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
			.toList();
		return new DefaultOidcUser(roles, fromProvider.getIdToken(), fromProvider.getUserInfo(), usernameClaim);
	}

}
