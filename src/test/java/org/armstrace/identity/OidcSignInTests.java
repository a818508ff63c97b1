package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.TestPropertySource;

/**
 * OIDC sign-in, configured with a provider that is never called (no network in tests):
 * the sign-in page offers it, the authorization request goes to it, and a provider's user
 * becomes the local account of the same name with that account's roles, or is refused.
 */
@DatabaseTest
@TestPropertySource(properties = { "armstrace.test.context=oidc",
		"spring.security.oauth2.client.registration.test-idp.client-id=armstrace",
		"spring.security.oauth2.client.registration.test-idp.client-secret=not-a-secret",
		"spring.security.oauth2.client.registration.test-idp.client-name=Test IdP",
		"spring.security.oauth2.client.registration.test-idp.scope=openid,profile",
		"spring.security.oauth2.client.registration.test-idp.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.test-idp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.test-idp.authorization-uri=http://127.0.0.1:9/authorize",
		"spring.security.oauth2.client.provider.test-idp.token-uri=http://127.0.0.1:9/token",
		"spring.security.oauth2.client.provider.test-idp.jwk-set-uri=http://127.0.0.1:9/jwks",
		"spring.security.oauth2.client.provider.test-idp.user-name-attribute=sub" })
class OidcSignInTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	OidcAccounts accounts;

	@Test
	void theSignInPageOffersTheProviderAndItsLinkStartsAnAuthorizationRequest() throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String page = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(page).contains("id=\"provider-test-idp\"", "/oauth2/authorization/test-idp",
				"Sign in with Test IdP");

		HttpResponse<String> start = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/test-idp"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(start.headers().firstValue("Location").orElseThrow())
			.startsWith("http://127.0.0.1:9/authorize?response_type=code&client_id=armstrace")
			.contains("scope=openid%20profile");
	}

	@Test
	void aProvidersUserIsTheLocalAccountOfTheSameNameWithItsRolesOrIsRefused() {
		Users.Account registrar = testUsers.user(Role.REGISTRAR);

		OidcUser mapped = accounts.map(fromProvider(registrar.username(), "ROLE_ADMIN"));

		assertThat(mapped.getName()).isEqualTo(registrar.username());
		assertThat(mapped.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_REGISTRAR");
		assertThatThrownBy(() -> accounts.map(fromProvider("nobody-" + System.nanoTime(), "ROLE_ADMIN")))
			.isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessageContaining("no enabled ArmsTrace account");
	}

	/** A user as a provider would hand it over, claiming a role ArmsTrace must ignore. */
	private static OidcUser fromProvider(String username, String claimedRole) {
		OidcIdToken token = OidcIdToken.withTokenValue("id-token")
			.subject("subject-1")
			.claim("preferred_username", username)
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
		return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(claimedRole)), token, "sub");
	}

}
