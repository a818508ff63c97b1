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
 * posted with the CSRF token of the page they came from.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/**
	 * Posts a form to {@code path} with the CSRF token of the page at {@code formPage}.
	 */
	public HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
		Matcher csrf = CSRF.matcher(get(formPage).body());
		if (!csrf.find()) {
			throw new IllegalStateException(formPage + " carries no CSRF token");
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf.group(1));
		String body = all.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Signs in with a password; the answer is the redirect the form gives. */
	public HttpResponse<String> signIn(String username, String password) {
		return post("/sign-in", "/sign-in", Map.of("username", username, "password", password));
	}

	/**
	 * Where a redirect points, without the origin; empty for an answer that is not one.
	 */
	public static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
