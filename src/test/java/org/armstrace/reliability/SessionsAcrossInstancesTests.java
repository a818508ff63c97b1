package org.armstrace.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.armstrace.ArmsTraceApplication;
import org.armstrace.DatabaseTest;
import org.armstrace.ScratchFiles;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Officers' web sessions live in the database: signed in (password and second factor) on
 * one instance, an officer is served by another behind the same load balancer, posts its
 * forms with the CSRF token the first gave, and signing out on one signs out on both.
 */
@DatabaseTest
class SessionsAcrossInstancesTests {

	@Autowired
	TestUsers users;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void anOfficerSignedInOnOneInstanceIsServedByAnotherAndSignedOutOnBoth() throws IOException {
		Users.Account officer = users.user(Role.REGISTRAR);
		WebSession first = WebSession.signIn(port, officer.username());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
			.param(officer.username())
			.query(Long.class)
			.single()).as("the session is in the database").isOne();

		try (ConfigurableApplicationContext other = secondInstance()) {
			WebSession second = first
				.to(other.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			HttpResponse<String> home = second.get("/");
			assertThat(home.statusCode()).as(WebSession.location(home)).isEqualTo(200);
			assertThat(home.body()).contains(officer.username());

			HttpResponse<String> signedOut = second.post("/sign-out", Map.of());
			assertThat(WebSession.location(signedOut)).isEqualTo("/sign-in?out");
			assertThat(WebSession.location(first.get("/"))).as("signed out on the first instance too")
				.endsWith("/sign-in");
		}
	}

	/**
	 * Another instance of the application on the same database, with the node's keys (the
	 * mounted secrets every instance shares) in a home of its own.
	 */
	private ConfigurableApplicationContext secondInstance() throws IOException {
		Path home = ScratchFiles.folder("armstrace-second-");
		Path firstHome = Path.of(environment.getRequiredProperty("armstrace.home"));
		for (String secret : new String[] { "ledger-key.pem", "second-factor-key" }) {
			Files.copy(firstHome.resolve(secret), home.resolve(secret));
		}
		Map<String, Object> properties = new HashMap<>();
		for (String key : new String[] { "spring.datasource.url", "spring.datasource.username",
				"spring.datasource.password" }) {
			properties.put(key, environment.getRequiredProperty(key));
		}
		properties.put("armstrace.home", home.toString());
		properties.put("server.port", 0);
		// one signer is the first instance; this one serves pages
		properties.put("armstrace.ledger.sign-checkpoints", false);
		properties.put("armstrace.tracing.index-updates", false);
		// as arguments: they win over application.yml, as the environment does in
		// production
		return new SpringApplicationBuilder(ArmsTraceApplication.class).run(properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

}
