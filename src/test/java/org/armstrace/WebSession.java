package org.armstrace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's session without a browser: cookies kept, redirects not followed, forms
 * posted with a CSRF token of the session.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	private String csrf;

	public WebSession(int port) {
		this(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), port, null);
	}

	private WebSession(HttpClient http, int port, String csrf) {
		this.http = http;
		this.base = "http://localhost:" + port;
		this.csrf = csrf;
	}

	/**
	 * The same browser, cookies and all, sent to the instance on another port: what a
	 * load balancer does.
	 */
	public WebSession to(int port) {
		return new WebSession(http, port, csrf);
	}

	/**
	 * Signs in through the form with the test users' password, and with the second
	 * factor's code when the user is enrolled.
	 */
	public static WebSession signIn(int port, String username) {
		WebSession session = new WebSession(port);
		HttpResponse<String> signedIn = session.signIn(username, TestUsers.PASSWORD);
		String to = location(signedIn);
		if (TestUsers.enrolled(username) && to.startsWith("/sign-in/code")) {
			signedIn = session.post("/sign-in/code", "/sign-in/code", Map.of("code", TestUsers.code(username)));
			to = location(signedIn);
		}
		if (signedIn.statusCode() != 302 || to.contains("error") || to.startsWith("/sign-in")) {
			throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " " + to);
		}
		session.csrf = token(session.get("/").body(), "/");
		return session;
	}

	/** Signs in with a password; the answer is the redirect the form gives. */
	public HttpResponse<String> signIn(String username, String password) {
		return post("/sign-in", "/sign-in", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Posts a form with the CSRF token of the session's home page. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		if (csrf == null) {
			csrf = token(get("/").body(), "/");
		}
		return postWith(csrf, path, fields);
	}

	/**
	 * Posts a form to {@code path} with the CSRF token of the page at {@code formPage}.
	 */
	public HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
		return postWith(token(get(formPage).body(), formPage), path, fields);
	}

	/**
	 * Where a redirect points, without the origin; empty for an answer that is not one.
	 */
	public static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	private HttpResponse<String> postWith(String token, String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", token);
		String body = all.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String token(String page, String where) {
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException(where + " carries no CSRF token");
		}
		return m.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
