package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A one-time password leads only to choosing a new one: every other page redirects to the
 * password page, the account's API tokens are refused, the password is good for one
 * sign-in, and it stops working once a new one is chosen.
 */
@DatabaseTest
class OneTimePasswordTests {

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Test
	void aSignInWithAOneTimePasswordReachesOnlyThePasswordPage() {
		String oneTime = users.generatePassword();
		String username = users
			.create("otp-" + System.nanoTime() % 1_000_000, oneTime, EnumSet.of(Role.REGISTRAR), true)
			.username();
		WebSession browser = new WebSession(port);
		assertThat(WebSession.location(browser.signIn(username, oneTime))).isEqualTo("/account/password");

		for (String page : new String[] { "/", "/firearms", "/account/tokens", "/seizures", "/ledger" }) {
			HttpResponse<String> answer = browser.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(302);
			assertThat(WebSession.location(answer)).as(page).isEqualTo("/account/password");
		}
		HttpResponse<String> token = browser.post("/account/password", "/account/tokens", Map.of("label", "mine"));
		assertThat(WebSession.location(token)).isEqualTo("/account/password");
		assertThat(tokens.tokensOf(users.find(username).orElseThrow().id())).isEmpty();
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
	}

	@Test
	void theApiRefusesTheTokensOfAnAccountThatStillHasItsOneTimePassword() {
		String oneTime = users.generatePassword();
		Users.Account account = users.create("otp-" + System.nanoTime() % 1_000_000, oneTime, EnumSet.of(Role.ADMIN),
				true);
		String token = tokens.issue(account.id(), "bootstrap").token();
		Api api = new Api(port);

		HttpResponse<String> refused = api.get("/api/v1/account/tokens", token);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("one-time password");
		assertThat(api.post("/api/v1/account/tokens", token, "{\"label\":\"more\"}").statusCode()).isEqualTo(403);

		users.changePassword(account.username(), oneTime, "a-password-of-my-own");
		assertThat(api.get("/api/v1/account/tokens", token).statusCode()).isEqualTo(200);
	}

	@Test
	void aOneTimePasswordSignsInOnceAndNotAfterANewPasswordIsChosen() {
		String oneTime = users.generatePassword();
		String username = users.create("otp-" + System.nanoTime() % 1_000_000, oneTime, EnumSet.of(Role.ANALYST), true)
			.username();
		assertThat(WebSession.location(new WebSession(port).signIn(username, oneTime))).isEqualTo("/account/password");

		HttpResponse<String> second = new WebSession(port).signIn(username, oneTime);
		assertThat(WebSession.location(second)).isEqualTo("/sign-in?used");
		assertThat(new WebSession(port).get("/sign-in?used").body()).contains("already been used");

		WebSession browser = new WebSession(port);
		String fresh = users.resetSignIn(username);
		assertThat(WebSession.location(browser.signIn(username, fresh))).isEqualTo("/account/password");
		HttpResponse<String> changed = browser.post("/account/password", "/account/password",
				Map.of("currentPassword", fresh, "newPassword", "my-own-password-2026"));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(browser.get("/").statusCode()).as("the dashboard, now").isEqualTo(200);

		assertThat(WebSession.location(new WebSession(port).signIn(username, fresh))).isEqualTo("/sign-in?error");
		assertThat(WebSession.location(new WebSession(port).signIn(username, "my-own-password-2026"))).isEqualTo("/");
	}

}
