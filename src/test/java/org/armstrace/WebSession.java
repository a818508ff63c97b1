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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in to the web UI over plain HTTP (a session cookie, the forms' CSRF
 * token): pages without a browser.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String origin;

	private String csrf;

	private WebSession(int port) {
		this.origin = "http://localhost:" + port;
	}

	/** Signs in through the form with the test users' password. */
	public static WebSession signIn(int port, String username) {
		WebSession session = new WebSession(port);
		session.csrf = token(session.get("/sign-in").body());
		HttpResponse<String> signedIn = session.post("/sign-in",
				Map.of("username", username, "password", TestUsers.PASSWORD));
		String to = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || to.contains("error")) {
			throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " " + to);
		}
		session.csrf = token(session.get("/").body());
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
	}

	/** Posts a form with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(csrf) + (form.isEmpty() ? "" : "&"), ""));
		return send(HttpRequest.newBuilder(URI.create(origin + path))
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

	private static String token(String page) {
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return m.group(1);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
