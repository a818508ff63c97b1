package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second factor: required for administrators and auditors (who reach nothing but
 * enrolment until enrolled), optional for the others, asked after the password once
 * enrolled; its secret is shown once and kept encrypted; API tokens do without it.
 */
@DatabaseTest
class SecondFactorTests {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7]+)<");

	@LocalServerPort
	int port;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAuditorReachesOnlyEnrolmentUntilEnrolledThenGivesACodeAtEverySignIn() {
		String username = users
			.create("aud-" + System.nanoTime() % 1_000_000, TestUsers.PASSWORD, EnumSet.of(Role.AUDITOR), false)
			.username();
		WebSession browser = new WebSession(port);
		assertThat(WebSession.location(browser.signIn(username, TestUsers.PASSWORD)))
			.isEqualTo("/account/second-factor");
		for (String page : new String[] { "/", "/audit/access-log", "/account/tokens", "/sign-in/code" }) {
			assertThat(WebSession.location(browser.get(page))).as(page).isEqualTo("/account/second-factor");
		}
		String enrolment = browser.get("/account/second-factor").body();
		Matcher shown = SECRET.matcher(enrolment);
		assertThat(shown.find()).isTrue();
		String secret = shown.group(1);
		assertThat(enrolment).contains("otpauth://totp/ArmsTrace%3A" + username + "?secret=" + secret);

		HttpResponse<String> wrong = browser.post("/account/second-factor", "/account/second-factor",
				Map.of("code", "000000"));
		assertThat(wrong.body()).contains("The code is wrong");
		String code = SecondFactors.codeAt(secret, Instant.now());
		HttpResponse<String> enrolled = browser.post("/account/second-factor", "/account/second-factor",
				Map.of("code", code));
		assertThat(WebSession.location(enrolled)).isEqualTo("/");
		assertThat(browser.get("/audit/access-log").statusCode()).isEqualTo(200);
		assertThat(browser.get("/account/second-factor").body()).doesNotContain(secret);
		String stored = jdbc.sql("SELECT totp_secret FROM app_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(stored).isNotBlank().doesNotContain(secret);

		WebSession next = new WebSession(port);
		assertThat(WebSession.location(next.signIn(username, TestUsers.PASSWORD))).isEqualTo("/sign-in/code");
		assertThat(WebSession.location(next.get("/audit/access-log"))).isEqualTo("/sign-in/code");
		assertThat(next.post("/sign-in/code", "/sign-in/code", Map.of("code", code)).body())
			.as("a code is accepted once")
			.contains("The code is wrong");
		String later = SecondFactors.codeAt(secret, Instant.now().plusSeconds(30));
		assertThat(WebSession.location(next.post("/sign-in/code", "/sign-in/code", Map.of("code", later))))
			.isEqualTo("/");
		assertThat(next.get("/audit/access-log").statusCode()).isEqualTo(200);
	}

	@Test
	void aRegistrarMayEnrolAndIsThenAskedForTheCode() {
		String username = users
			.create("reg-" + System.nanoTime() % 1_000_000, TestUsers.PASSWORD, EnumSet.of(Role.REGISTRAR), false)
			.username();
		WebSession browser = new WebSession(port);
		assertThat(WebSession.location(browser.signIn(username, TestUsers.PASSWORD))).isEqualTo("/");
		assertThat(browser.get("/firearms").statusCode()).isEqualTo(200);
		Matcher shown = SECRET.matcher(browser.get("/account/second-factor").body());
		assertThat(shown.find()).isTrue();
		browser.post("/account/second-factor", "/account/second-factor",
				Map.of("code", SecondFactors.codeAt(shown.group(1), Instant.now())));
		assertThat(users.find(username).orElseThrow().secondFactor()).isTrue();

		assertThat(WebSession.location(new WebSession(port).signIn(username, TestUsers.PASSWORD)))
			.isEqualTo("/sign-in/code");
	}

	@Test
	void fiveWrongCodesLockTheAccountAndEndTheSession() {
		String username = users
			.create("adm-" + System.nanoTime() % 1_000_000, TestUsers.PASSWORD, EnumSet.of(Role.ADMIN), false)
			.username();
		WebSession browser = new WebSession(port);
		browser.signIn(username, TestUsers.PASSWORD);
		Matcher shown = SECRET.matcher(browser.get("/account/second-factor").body());
		assertThat(shown.find()).isTrue();
		browser.post("/account/second-factor", "/account/second-factor",
				Map.of("code", SecondFactors.codeAt(shown.group(1), Instant.now())));

		WebSession next = new WebSession(port);
		next.signIn(username, TestUsers.PASSWORD);
		HttpResponse<String> last = null;
		for (int i = 0; i < Users.MAX_FAILURES; i++) {
			last = next.post("/sign-in/code", "/sign-in/code", Map.of("code", "12345" + i));
		}
		assertThat(WebSession.location(last)).isEqualTo("/sign-in?error");
		assertThat(users.locked(username)).isTrue();
	}

	@Test
	void apiTokensOfAnAdministratorWithoutASecondFactorStillWork() {
		Users.Account admin = users.create("adm-" + System.nanoTime() % 1_000_000, TestUsers.PASSWORD,
				EnumSet.of(Role.ADMIN), false);
		String token = tokens.issue(admin.id(), "machine").token();
		assertThat(new Api(port).get("/api/v1/users", token).statusCode()).isEqualTo(200);
	}

}
