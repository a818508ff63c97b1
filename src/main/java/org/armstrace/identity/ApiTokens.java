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
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for machines. A token is 256 random bits, shown once when issued; only its SHA-256 is stored
 * (a fast hash is enough for a secret of that strength, unlike a password).
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

	/** The machine a valid token stands for; its name (what the ledger records as actor) is opaque. */
	public record TokenHolder(UUID id, String label) implements Principal {

		@Override
		public String getName() {
			return "token:" + id;
		}

	}

	@Transactional
	public IssuedToken issue(String label) {
		if (label == null || label.isBlank() || label.length() > 200) {
			throw new IllegalArgumentException("label must be 1 to 200 characters");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO api_token (id, label, token_hash, created_at) VALUES (?, ?, ?, ?)")
			.params(id, label, hash(token), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
			.update();
		return new IssuedToken(id, label, token);
	}

	@Transactional(readOnly = true)
	public Optional<TokenHolder> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, label FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash(token))
			.query((rs, n) -> new TokenHolder(rs.getObject("id", UUID.class), rs.getString("label")))
			.optional();
	}

	@Transactional
	public void revoke(UUID id) {
		int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), id).update();
		if (changed == 0) {
			throw new java.util.NoSuchElementException("no active API token " + id);
		}
	}

	@Transactional(readOnly = true)
	boolean anyIssued() {
		return jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single() > 0;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
