package org.armstrace.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Second factors: time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30
 * seconds), as authenticator apps make them. A secret is shown once, at enrolment, and
 * kept encrypted ({@link SecretBox}); a code is accepted for the step before and after
 * the current one (clocks drift), and never twice: the last step accepted is remembered.
 * Wrong codes count towards the lock-out like wrong passwords.
 */
@Service
public class SecondFactors {

	static final String ISSUER = "ArmsTrace";

	private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator();

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Users users;

	private final SecureRandom random = new SecureRandom();

	SecondFactors(JdbcClient jdbc, SecretBox box, Users users) {
		this.jdbc = jdbc;
		this.box = box;
		this.users = users;
	}

	/** A new secret of 160 bits in Base32, to be shown once for enrolment. */
	public String newSecret() {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/** The {@code otpauth://} URI an authenticator app reads (e.g. from a QR code). */
	static String uri(String username, String secret) {
		String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
	}

	/**
	 * Enrols {@code secret} for the user when {@code code} proves the app makes its
	 * codes; false (nothing kept) when the code is wrong or the user is enrolled already.
	 */
	@Transactional
	public boolean enrol(String username, String secret, String code) {
		Optional<Long> step = matchingStep(secret, code);
		if (step.isEmpty()) {
			return false;
		}
		return jdbc
			.sql("UPDATE app_user SET totp_secret = ?, totp_last_step = ? WHERE username = ? AND totp_secret IS NULL")
			.params(box.seal(secret), step.get(), username)
			.update() == 1;
	}

	/**
	 * Checks a code of the user's enrolled second factor; a wrong one counts as a failed
	 * sign-in, a right one is spent.
	 */
	@Transactional
	public boolean verify(String username, String code) {
		String sealed = jdbc.sql("SELECT totp_secret FROM app_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElse(null);
		Optional<Long> step = sealed == null ? Optional.empty() : matchingStep(box.open(sealed), code);
		boolean spent = step.isPresent() && jdbc
			.sql("UPDATE app_user SET totp_last_step = ? WHERE username = ? AND (totp_last_step IS NULL "
					+ "OR totp_last_step < ?)")
			.params(step.get(), username, step.get())
			.update() == 1;
		if (!spent) {
			users.recordFailure(username);
		}
		return spent;
	}

	/** The code a generator holding {@code secret} shows at {@code at}. */
	public static String codeAt(String secret, Instant at) {
		try {
			return TOTP.generateOneTimePasswordString(key(secret), at);
		}
		catch (InvalidKeyException e) {
			throw new IllegalArgumentException("not a second-factor secret", e);
		}
	}

	private static Optional<Long> matchingStep(String secret, String code) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return Optional.empty();
		}
		long now = Instant.now().getEpochSecond() / STEP.toSeconds();
		for (long step = now - 1; step <= now + 1; step++) {
			if (codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds())).equals(code.strip())) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private static SecretKeySpec key(String secret) {
		return new SecretKeySpec(new Base32().decode(secret), TOTP.getAlgorithm());
	}

}
