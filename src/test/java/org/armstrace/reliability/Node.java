package org.armstrace.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.armstrace.ArmsTraceApplication;

/**
 * ArmsTrace in a process of its own, on a database that outlives it: started as an
 * operator starts it, stopped with {@code kill -9} when a test says so.
 */
public final class Node implements AutoCloseable {

	private static final Pattern TOKEN = Pattern.compile("API token acting as admin \\(shown once\\): (\\S+)");

	private final Map<String, Object> database;

	private final Path log;

	private Process process;

	private int port;

	public Node(Map<String, Object> database, String name) {
		this.database = database;
		this.log = Path.of(database.get("armstrace.home").toString(), name + ".log");
	}

	/**
	 * Starts {@code armstrace <args>} and, for a serving verb, waits until it answers.
	 */
	public Node start(String... args) {
		try {
			port = freePort();
			return startOn(port, args);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Starts it again where it was: on the port it had, so that peers that know its
	 * address reach it.
	 */
	public Node restart(String... args) {
		return startOn(port, args);
	}

	/**
	 * Starts on the port {@code other} had: it stands in for that node at its address.
	 */
	public Node startOnPortOf(Node other, String... args) {
		return startOn(other.port, args);
	}

	private Node startOn(int port, String... args) {
		this.port = port;
		try {
			// a node here lives for seconds, not days: with the C1 compiler alone it
			// starts in about half the time on a busy two-core machine, where the C2
			// compiler's threads compete with the start-up for the cores
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
							"-XX:TieredStopAtLevel=1", "-cp", classPath()));
			database.forEach((key, value) -> command.add("-D" + key + "=" + value));
			command.add("-Dserver.port=" + port);
			command.add(ArmsTraceApplication.class.getName());
			command.addAll(List.of(args));
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Waits until the server answers its health endpoint. */
	public Node awaitUp() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the node exited with " + process.exitValue() + ":\n" + logText());
			}
			try {
				HttpResponse<String> health = API.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the node did not answer within 180 s:\n" + logText());
	}

	/** Waits for a job to finish; returns its exit status. */
	public int awaitExit() throws InterruptedException {
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the job did not finish within 300 s:\n" + logText());
		}
		return process.exitValue();
	}

	/** Waits until the node's output holds {@code text}. */
	public void awaitOutput(String text, Duration within) throws InterruptedException {
		awaitOutput(Pattern.compile(Pattern.quote(text)), within);
	}

	/** Waits until the node's output holds a match of {@code pattern}. */
	public void awaitOutput(Pattern pattern, Duration within) throws InterruptedException {
		String text = pattern.pattern();
		long deadline = System.nanoTime() + within.toNanos();
		while (!pattern.matcher(logText()).find()) {
			if (System.nanoTime() > deadline || !process.isAlive()) {
				throw new IllegalStateException("the node never printed '" + text + "':\n" + logText());
			}
			Thread.sleep(100);
		}
	}

	/** SIGKILL: no shutdown hook, no flush, no goodbye. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** An orderly stop (SIGTERM). */
	public void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process != null && process.isAlive()) {
			kill();
		}
	}

	/** How API calls reach a node. */
	private static final HttpClient API = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * A JSON POST to {@code path} as the token's holder, with an idempotency key when one
	 * is given.
	 */
	public HttpRequest postRequest(String token, String path, String body, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return request.build();
	}

	/** {@link #postRequest} sent, its answer read. */
	public HttpResponse<String> post(String token, String path, String body, String key) {
		return send(postRequest(token, path, body, key));
	}

	/** A GET of {@code path}, as the token's holder or (token null) anonymously. */
	public HttpResponse<String> get(String token, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return API.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The single whole number a query answers (a count, a maximum). */
	public static int count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	public String base() {
		return "http://localhost:" + port;
	}

	/** The demo's admin token, from the node's output. */
	public String demoToken() throws InterruptedException {
		awaitOutput("API token acting as admin", Duration.ofSeconds(120));
		Matcher token = TOKEN.matcher(logText());
		if (!token.find()) {
			throw new IllegalStateException("no token in the output:\n" + logText());
		}
		return token.group(1);
	}

	public String logText() {
		try {
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A connection to the node's database, for checks made while no node runs. */
	public Connection database() throws SQLException {
		Object url = database.get("spring.datasource.url");
		if (url == null || url.toString().startsWith("jdbc:h2:mem")) {
			url = "jdbc:h2:file:" + Path.of(database.get("armstrace.home").toString(), "db", "armstrace");
		}
		return DriverManager.getConnection(url.toString(),
				String.valueOf(database.getOrDefault("spring.datasource.username", "sa")),
				String.valueOf(database.getOrDefault("spring.datasource.password", "")));
	}

	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
