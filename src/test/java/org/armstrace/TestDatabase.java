package org.armstrace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring context of a test its own database and ARMSTRACE_HOME. Which
 * database: the system property {@code armstrace.test.database} ({@code h2} or
 * {@code postgresql}). PostgreSQL is the local server (ARMSTRACE_TEST_PG_URL, default
 * jdbc:postgresql://127.0.0.1:5432/test, user ARMSTRACE_TEST_PG_USER, default postgres,
 * trust auth); each context gets a schema of its own, dropped when the context closes.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String TAG = "database";

	static final String PG_URL = env("ARMSTRACE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String PG_USER = env("ARMSTRACE_TEST_PG_USER", "postgres");

	private static Boolean postgresReachable;

	/** h2 or postgresql: which database this run of the tests uses. */
	public static String name() {
		return postgresql() ? "postgresql" : "h2";
	}

	public static boolean postgresql() {
		return "postgresql".equals(System.getProperty("armstrace.test.database", "h2"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = newDatabase();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("armstrace-test-database", properties));
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				drop(properties);
			}
		});
	}

	/**
	 * Properties for a new, empty database and home directory; several applications may
	 * share them in turn.
	 */
	public static Map<String, Object> newDatabase() {
		Map<String, Object> properties = new HashMap<>();
		String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		properties.put("armstrace.home", ScratchFiles.folder("armstrace-test-").toString());
		if (postgresql()) {
			if (!postgresReachable()) {
				throw new IllegalStateException("PostgreSQL is not reachable at " + PG_URL + " as " + PG_USER
						+ " and CI=true: PostgreSQL tests must run. Start it: pg_ctlcluster <version> main start");
			}
			execute("CREATE SCHEMA " + name);
			properties.put("armstrace.test.schema", name);
			properties.put("spring.datasource.url", PG_URL + "?currentSchema=" + name);
			properties.put("spring.datasource.username", PG_USER);
			properties.put("spring.datasource.password", "");
		}
		else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
			properties.put("spring.datasource.username", "sa");
			properties.put("spring.datasource.password", "");
		}
		return properties;
	}

	/**
	 * Drops the PostgreSQL schema of a database made by {@link #newDatabase()}; nothing
	 * to do for H2.
	 */
	public static void drop(Map<String, Object> database) {
		Object schema = database.get("armstrace.test.schema");
		if (schema != null) {
			execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	static synchronized boolean postgresReachable() {
		if (postgresReachable == null) {
			DriverManager.setLoginTimeout(5);
			try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, "")) {
				postgresReachable = true;
			}
			catch (SQLException e) {
				postgresReachable = false;
			}
		}
		return postgresReachable;
	}

	private static void execute(String sql) {
		try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, ""); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot run '" + sql + "' on " + PG_URL, e);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * Skips PostgreSQL runs, loudly, on a machine without PostgreSQL; never under
	 * CI=true, where the test then fails instead.
	 */
	public static class Availability implements ExecutionCondition {

		private static boolean warned;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (!postgresql() || postgresReachable() || "true".equalsIgnoreCase(System.getenv("CI"))) {
				return ConditionEvaluationResult.enabled("database available or required");
			}
			String reason = "PostgreSQL is not reachable at " + PG_URL + ": PostgreSQL tests SKIPPED "
					+ "(they run, and must pass, under CI=true)";
			synchronized (Availability.class) {
				if (!warned) {
					System.err.println("\n*** " + reason + " ***\n");
					warned = true;
				}
			}
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
