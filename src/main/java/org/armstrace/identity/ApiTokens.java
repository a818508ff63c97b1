package org.armstrace.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens, each acting for one user with that user's roles: for machines (a
 * dealer's system, a customs gateway) and scripts. A token is 256 random bits, shown once
 * when issued; only its SHA-256 is stored (a fast hash is enough for a secret of that
 * strength, unlike a password).
 */
@Service
public class ApiTokens {

	private static final String PREFIX = "at_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A token as issued: the secret is in {@code token} and nowhere else. */
	public record IssuedToken(UUID id, String label, String token) {
	}

	/**
	 * The user a valid token acts for, with that user's roles; its name (the ledger's
	 * actor) is opaque. {@code oneTimePassword}: the user has not yet chosen a password
	 * of their own, and the token is refused until they do.
	 */
	public record TokenHolder(UUID id, String label, UUID userId, String username, Set<Role> roles,
			boolean oneTimePassword) implements Principal {

		@Override
		public String getName() {
			return "user:" + userId;
		}

	}

	/** A token's description, without its secret. */
	public record TokenInfo(UUID id, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
	}

	/**
	 * Issues a token acting for {@code userId} with the user's roles; the secret is
	 * returned once.
	 */
	@Transactional
	public IssuedToken issue(UUID userId, String label) {
		if (label == null || label.isBlank() || label.length() > 200) {
			throw new IllegalArgumentException("label must be 1 to 200 characters");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO api_token (id, label, token_hash, created_at, user_id) VALUES (?, ?, ?, ?, ?)")
			.params(id, label, hash(token), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), userId)
			.update();
		return new IssuedToken(id, label, token);
	}

	// one statement, no transaction around it: every API request asks
	public Optional<TokenHolder> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT t.id, t.label, u.id AS user_id, u.username, u.roles, u.must_change_password FROM api_token t "
					+ "JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL "
					+ "AND NOT u.disabled")
			.param(hash(token))
			.query((rs, n) -> new TokenHolder(rs.getObject("id", UUID.class), rs.getString("label"),
					rs.getObject("user_id", UUID.class), rs.getString("username"), Users.roles(rs.getString("roles")),
					rs.getBoolean("must_change_password")))
			.optional();
	}

	/** Revokes one of the user's tokens. */
	@Transactional
	public void revoke(UUID userId, UUID id) {
		int changed = jdbc
			.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
			.params(OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), id, userId)
			.update();
		if (changed == 0) {
			throw new NoSuchElementException("no active API token " + id);
		}
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> tokensOf(UUID userId) {
		return jdbc.sql("SELECT id, label, created_at, revoked_at FROM api_token WHERE user_id = ? ORDER BY created_at")
			.param(userId)
			.query((rs, n) -> new TokenInfo(rs.getObject("id", UUID.class), rs.getString("label"),
					rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
			.list();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
