package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every row of docs/roles.md, called with a token of every role: exactly the roles the
 * table names get through (any answer but 401 and 403), every other role gets 403; public
 * rows answer without a token.
 */
@DatabaseTest
class AccessMatrixTests {

	record Row(String method, String path, String roles) {
	}

	static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.REGISTRAR, Role.LICENSING, Role.CUSTOMS,
			Role.INVESTIGATOR, Role.AUDITOR, Role.FOCAL_POINT);

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyEndpointAnswersEveryRoleExactlyAsDocsRolesMdSays() throws Exception {
		List<Row> rows = rows();
		assertThat(rows).hasSizeGreaterThan(40);
		Map<Role, String> tokens = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			tokens.put(role, testUsers.token(role));
		}
		List<String> mismatches = new ArrayList<>();
		for (Row row : rows) {
			String path = row.path().replace("{id}", UUID.randomUUID().toString());
			if (row.roles().equals("public")) {
				int status = call(row.method(), path, null);
				if (status == 401 || status == 403) {
					mismatches.add(row + " without a token: " + status);
				}
				continue;
			}
			Set<Role> allowed = allowed(row.roles());
			for (Role role : Role.values()) {
				int status = call(row.method(), path, tokens.get(role));
				boolean through = status != 401 && status != 403;
				if (through != allowed.contains(role)) {
					mismatches.add(row.method() + " " + row.path() + " as " + role + ": " + status);
				}
			}
			if (call(row.method(), path, null) != 401) {
				mismatches.add(row.method() + " " + row.path() + " without a token is not 401");
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private int call(String method, String path, String token) throws IOException, InterruptedException {
		boolean csv = path.endsWith("/csv") || path.endsWith("/firearms/imports");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", csv ? "text/csv" : "application/json")
			.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(csv ? "x\n" : "{}"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static Set<Role> allowed(String roles) {
		if (roles.equals("everyone")) {
			return EnumSet.allOf(Role.class);
		}
		if (roles.equals("READERS")) {
			return READERS;
		}
		Set<Role> allowed = EnumSet.noneOf(Role.class);
		for (String role : roles.split(",\\s*")) {
			allowed.add(Role.valueOf(role.trim()));
		}
		return allowed;
	}

	/**
	 * The matrix rows of docs/roles.md (the project's docs are part of the checkout, so
	 * they are there in CI).
	 */
	private static List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docs/roles.md"))) {
			String[] cells = line.split("\\|");
			if (cells.length == 4 && cells[1].trim().matches("GET|POST|DELETE|PUT")) {
				rows.add(new Row(cells[1].trim(), cells[2].trim(), cells[3].trim()));
			}
		}
		return rows;
	}

}
