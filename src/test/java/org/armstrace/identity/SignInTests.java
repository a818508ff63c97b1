package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in through the web form, as a person does: passwords, lock-out, CSRF. */
@DatabaseTest
class SignInTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	Users users;

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
		String username = testUsers.user(Role.REGISTRAR).username();
		assertThat(signIn(username, TestUsers.PASSWORD)).as("the right password signs in").isTrue();
		for (int i = 0; i < Users.MAX_FAILURES; i++) {
			assertThat(signIn(username, "wrong-password-" + i)).isFalse();
		}
		assertThat(signIn(username, TestUsers.PASSWORD)).as("locked for " + Users.LOCK_TIME).isFalse();
	}

	@Test
	void aSignInWithoutTheFormsCsrfTokenIsRefused() throws Exception {
		String username = testUsers.user(Role.AUDITOR).username();
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> response = client.send(
				post("/sign-in", "username=" + username + "&password=" + TestUsers.PASSWORD),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void passwordsAreHashedLongEnoughAndChangedOnlyWithTheCurrentOne() {
		assertThatThrownBy(() -> users.create("short-pass", "too-short", EnumSet.of(Role.ANALYST), false))
			.hasMessageContaining("at least 12 characters");
		Users.Account account = users.create("analyst-" + System.nanoTime(), "a-long-enough-one",
				EnumSet.of(Role.ANALYST), true);
		assertThat(users.loadUserByUsername(account.username()).getPassword()).startsWith("{bcrypt}$2");
		assertThatThrownBy(() -> users.changePassword(account.username(), "not-the-current", "another-long-one"))
			.hasMessageContaining("currentPassword");
		users.changePassword(account.username(), "a-long-enough-one", "another-long-one");
		assertThat(users.find(account.username()).orElseThrow().mustChangePassword()).isFalse();
	}

	/** Signs in through the form; true when the server accepts the password. */
	private boolean signIn(String username, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String form = client
			.send(HttpRequest.newBuilder(uri("/sign-in")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
		HttpResponse<String> response = client.send(post("/sign-in",
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1))),
				HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		return response.statusCode() == 302 && !location.contains("error") && !location.contains("sign-in");
	}

	private HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
