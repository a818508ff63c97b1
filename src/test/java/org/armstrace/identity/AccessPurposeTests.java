package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A purpose in any language reaches the access log intact: HTTP headers carry ISO-8859-1,
 * so a purpose is sent percent-encoded (RFC 3986, UTF-8), RFC 8187 style
 * ({@code UTF-8''…}), or as raw UTF-8 bytes, and is stored as the text it encodes, on H2
 * and PostgreSQL alike.
 */
@DatabaseTest
class AccessPurposeTests {

	static final String CYRILLIC = "дело 123";

	static final String ARABIC = "قضية رقم ١٢٣ — تفتيش";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	AccessLog accessLog;

	@Test
	void aPercentEncodedPurposeIsStoredAsTheTextItEncodes() throws Exception {
		Users.Account reader = testUsers.user(Role.INVESTIGATOR);
		String token = testUsers.tokenFor(reader);

		assertThat(search(token, percentEncoded(CYRILLIC))).isEqualTo(200);
		assertThat(lastPurpose(reader)).isEqualTo(CYRILLIC);
		assertThat(search(token, percentEncoded(ARABIC))).isEqualTo(200);
		assertThat(lastPurpose(reader)).isEqualTo(ARABIC);
	}

	@Test
	void anRfc8187PurposeIsStoredAsTheTextItEncodes() throws Exception {
		Users.Account reader = testUsers.user(Role.REGISTRAR);
		String token = testUsers.tokenFor(reader);

		assertThat(search(token, "UTF-8''" + percentEncoded(ARABIC))).isEqualTo(200);
		assertThat(lastPurpose(reader)).isEqualTo(ARABIC);
		assertThat(search(token, "utf-8'ru'" + percentEncoded(CYRILLIC))).isEqualTo(200);
		assertThat(lastPurpose(reader)).isEqualTo(CYRILLIC);
	}

	@Test
	void rawUtf8BytesInTheHeaderAreReadAsUtf8() throws Exception {
		Users.Account reader = testUsers.user(Role.CUSTOMS);
		String token = testUsers.tokenFor(reader);

		assertThat(rawSearch(token, CYRILLIC)).startsWith("HTTP/1.1 200");
		assertThat(lastPurpose(reader)).isEqualTo(CYRILLIC);
		assertThat(rawSearch(token, ARABIC)).startsWith("HTTP/1.1 200");
		assertThat(lastPurpose(reader)).isEqualTo(ARABIC);
	}

	@Test
	void anAsciiPurposeIsStoredAsSentEvenWithAPercentSign() throws Exception {
		Users.Account reader = testUsers.user(Role.AUDITOR);
		String token = testUsers.tokenFor(reader);

		assertThat(search(token, "inspection 100% of stock, case 50%ZZ")).isEqualTo(200);
		assertThat(lastPurpose(reader)).isEqualTo("inspection 100% of stock, case 50%ZZ");
		assertThat(search(token, "50%25 sample")).isEqualTo(200);
		assertThat(lastPurpose(reader)).isEqualTo("50% sample");
	}

	private int search(String token, String purpose) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/firearms?serial=Q"))
			.header("Authorization", "Bearer " + token)
			.header(AccessLog.PURPOSE_HEADER, purpose)
			.GET()
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Java's HTTP client sends only ASCII headers: raw UTF-8 goes over a socket. */
	private String rawSearch(String token, String purpose) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(("GET /api/v1/firearms?serial=Q HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ token + "\r\nConnection: close\r\n" + AccessLog.PURPOSE_HEADER + ": ")
				.getBytes(StandardCharsets.US_ASCII));
			request.writeBytes(purpose.getBytes(StandardCharsets.UTF_8));
			request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(request.toByteArray());
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private String lastPurpose(Users.Account reader) {
		return accessLog.search(reader.username(), AccessLog.Action.SEARCH, 1).getFirst().purpose();
	}

	private static String percentEncoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
