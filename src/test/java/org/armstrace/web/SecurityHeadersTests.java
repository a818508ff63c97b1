package org.armstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers every answer carries: a Content-Security-Policy that allows only the node's
 * own scripts and styles (so no template has an inline script), a Referrer-Policy, and,
 * behind a TLS proxy that says so in X-Forwarded-Proto, HSTS and a Secure session cookie.
 */
@DatabaseTest
class SecurityHeadersTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void pagesAndTheApiSendAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
		for (HttpHeaders headers : List.of(get("/sign-in", null, null).headers(),
				get("/api/v1/reference/makes", testUsers.token(Role.ANALYST), null).headers(),
				get("/api/v1/ledger/key", null, null).headers())) {
			String policy = headers.firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.contains("object-src 'none'")
				.doesNotContain("unsafe-eval");
			assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
			assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(headers.firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
		}
		String page = get("/sign-in", null, null).headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(page).contains("style-src 'self'").doesNotContain("unsafe-inline");
	}

	@Test
	void behindATlsProxyAnswersCarryHstsAndTheSessionCookieIsSecure() throws Exception {
		HttpResponse<String> page = get("/sign-in", null, "https");
		assertThat(page.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=").contains("includeSubDomains"));
		assertThat(page.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
				.contains("Secure")
				.contains("HttpOnly")
				.contains("SameSite=Strict"));
		assertThat(get("/api/v1/ledger/key", null, "https").headers().firstValue("Strict-Transport-Security"))
			.isPresent();
	}

	@Test
	void noTemplateHasAnInlineScriptOrStyle() throws IOException {
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(template);
				assertThat(html).as(template.toString())
					.doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
					.doesNotContain("<style")
					.doesNotContainPattern("\\sstyle=\"")
					.doesNotContainPattern("\\son[a-z]+=\"");
			}
		}
	}

	private HttpResponse<String> get(String path, String token, String forwardedProto)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
