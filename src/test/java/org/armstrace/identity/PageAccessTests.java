package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every row of the pages table of docs/roles.md, called signed in as every role: exactly
 * the roles the row names get through (any answer but 403 or a way back to the sign-in
 * page), and those are the roles of the API row it names; and no page answers a server
 * error to an unknown id or an empty form.
 */
@DatabaseTest
class PageAccessTests {

	record Page(List<String> methods, String path, String roles, String api) {
	}

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Test
	void everyPageAnswersEveryRoleExactlyAsItsApiRowSays() throws IOException {
		Map<String, String> api = apiRows();
		List<Page> pages = pages();
		assertThat(pages).hasSizeGreaterThan(40);
		List<String> mismatches = new ArrayList<>();
		for (Page page : pages) {
			String apiRoles = api.get(page.api());
			if (apiRoles == null) {
				mismatches.add(page.path() + ": no API row '" + page.api() + "'");
			}
			else if (!allowed(page.roles()).equals(allowed(apiRoles))) {
				mismatches.add(page.path() + ": " + page.roles() + ", but " + page.api() + ": " + apiRoles);
			}
		}
		Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			sessions.put(role, WebSession.signIn(port, testUsers.user(role).username()));
		}
		for (Page page : pages) {
			String path = page.path().replace("{id}", UUID.randomUUID().toString());
			for (String method : page.methods()) {
				for (Role role : Role.values()) {
					HttpResponse<String> answer = method.equals("GET") ? sessions.get(role).get(path)
							: sessions.get(role).post(path, Map.of());
					boolean through = answer.statusCode() != 403
							&& !answer.headers().firstValue("Location").orElse("").contains("/sign-in");
					if (through != allowed(page.roles()).contains(role)) {
						mismatches.add(method + " " + page.path() + " as " + role + ": " + answer.statusCode());
					}
					// an unknown id or an empty form is the sender's error, never the
					// server's
					if (answer.statusCode() >= 500) {
						mismatches.add(method + " " + page.path() + " as " + role + " failed: " + answer.statusCode());
					}
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private static Set<Role> allowed(String roles) {
		if (roles.equals("everyone") || roles.equals("public")) {
			return EnumSet.allOf(Role.class);
		}
		if (roles.equals("READERS")) {
			return EnumSet.copyOf(Role.READERS);
		}
		Set<Role> allowed = EnumSet.noneOf(Role.class);
		for (String role : roles.split(",\\s*")) {
			allowed.add(Role.valueOf(role.trim()));
		}
		return allowed;
	}

	/** The API matrix of docs/roles.md: "METHOD path" to roles. */
	private static Map<String, String> apiRows() throws IOException {
		Map<String, String> rows = new HashMap<>();
		for (String[] cells : table()) {
			if (cells.length == 4) {
				rows.put(cells[1].trim() + " " + cells[2].trim(), cells[3].trim());
			}
		}
		return rows;
	}

	/** The pages table of docs/roles.md. */
	private static List<Page> pages() throws IOException {
		List<Page> pages = new ArrayList<>();
		for (String[] cells : table()) {
			if (cells.length == 5) {
				pages.add(new Page(List.of(cells[1].trim().split(",\\s*")), cells[2].trim(), cells[3].trim(),
						cells[4].trim()));
			}
		}
		return pages;
	}

	private static List<String[]> table() throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docs/roles.md"))) {
			String[] cells = line.split("\\|");
			if (cells.length >= 4 && cells[1].trim().matches("(GET|POST|DELETE|PUT)(, (GET|POST))?")) {
				rows.add(cells);
			}
		}
		return rows;
	}

}
