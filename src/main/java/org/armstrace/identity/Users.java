package org.armstrace.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in: usernames, bcrypt-hashed passwords, roles. After
 * {@link #MAX_FAILURES} wrong passwords in a row an account is locked for
 * {@link #LOCK_TIME}; a new account (and the first admin) must choose its own password at
 * first sign-in.
 */
@Service
public class Users {

	public static final int MAX_FAILURES = 5;

	public static final Duration LOCK_TIME = Duration.ofMinutes(15);

	static final int MIN_PASSWORD_LENGTH = 12;

	/**
	 * @param mustChangePassword the account still has a one-time password
	 * @param secondFactor a second factor (TOTP) is enrolled
	 */
	public record Account(UUID id, String username, Set<Role> roles, boolean mustChangePassword, boolean disabled,
			boolean secondFactor) {
	}

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SecureRandom random = new SecureRandom();

	Users(JdbcClient jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	@Transactional
	public Account create(String username, String password, Set<Role> roles, boolean mustChangePassword) {
		if (username == null || !username.matches("[a-z0-9._-]{3,100}")) {
			throw new IllegalArgumentException("username must be 3 to 100 characters: a-z, 0-9, '.', '_' or '-'");
		}
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("roles: a user needs at least one role");
		}
		requireStrong(password);
		if (find(username).isPresent()) {
			throw new IllegalArgumentException("username '" + username + "' is taken");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO app_user (id, username, password_hash, roles, must_change_password, failed_attempts, "
				+ "locked_until, disabled, created_at) VALUES (?, ?, ?, ?, ?, 0, NULL, FALSE, ?)")
			.params(id, username, passwords.encode(password),
					roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), mustChangePassword,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return new Account(id, username, EnumSet.copyOf(roles), mustChangePassword, false, false);
	}

	/**
	 * The demo's password for a role's account: published in the README, so for
	 * demonstrations only.
	 */
	public static String demoPassword(Role role) {
		return role.name().toLowerCase(Locale.ROOT) + "-demo-2026";
	}

	/**
	 * One account per role, named after the role in lower case ({@code registrar},
	 * {@code auditor} …), with {@link #demoPassword(Role)}: only for the demo verb, and
	 * only on a node without users.
	 */
	@Transactional
	public List<Account> createDemoAccounts() {
		if (anyExists()) {
			throw new IllegalStateException("demo accounts go only on a node without users");
		}
		return Arrays.stream(Role.values())
			.map(role -> create(role.name().toLowerCase(Locale.ROOT), demoPassword(role), EnumSet.of(role), false))
			.toList();
	}

	/** A random password of 20 characters, for first admins and resets; shown once. */
	public String generatePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

	@Transactional
	public void changePassword(String username, String current, String replacement) {
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no user " + username));
		if (!passwords.matches(current, hash)) {
			throw new IllegalArgumentException("currentPassword: the current password is wrong");
		}
		if (current.equals(replacement)) {
			throw new IllegalArgumentException("newPassword: the new password must differ from the current one");
		}
		requireStrong(replacement);
		jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE, one_time_used_at = NULL "
				+ "WHERE username = ?")
			.params(passwords.encode(replacement), username)
			.update();
	}

	/**
	 * Gives an account a new one-time password and removes its second factor, for someone
	 * who lost either: the password is returned once, to hand over; the account must
	 * choose its own at the next sign-in, and enrol a second factor again.
	 */
	@Transactional
	public String resetSignIn(String username) {
		String password = generatePassword();
		int changed = jdbc
			.sql("UPDATE app_user SET password_hash = ?, must_change_password = TRUE, one_time_used_at = NULL, "
					+ "totp_secret = NULL, totp_last_step = NULL, failed_attempts = 0, locked_until = NULL "
					+ "WHERE username = ?")
			.params(passwords.encode(password), username)
			.update();
		if (changed == 0) {
			throw new IllegalArgumentException("no user " + username);
		}
		return password;
	}

	/**
	 * Marks a one-time password as used by the sign-in that just presented it; false when
	 * another sign-in already used it. Accounts without a one-time password always pass.
	 */
	@Transactional
	boolean claimOneTimePassword(String username) {
		boolean oneTime = jdbc.sql("SELECT must_change_password FROM app_user WHERE username = ?")
			.param(username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		return !oneTime || jdbc
			.sql("UPDATE app_user SET one_time_used_at = ? WHERE username = ? AND must_change_password "
					+ "AND one_time_used_at IS NULL")
			.params(OffsetDateTime.now(ZoneOffset.UTC), username)
			.update() == 1;
	}

	private static void requireStrong(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException(
					"newPassword: a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	/** Binds an account to the holder whose stock it keeps (a dealer's). */
	@Transactional
	public void bindToHolder(UUID userId, UUID holderId) {
		jdbc.sql("UPDATE app_user SET holder_id = ? WHERE id = ?").params(holderId, userId).update();
	}

	/** The holder an account is bound to, if any. */
	@Transactional(readOnly = true)
	public Optional<UUID> holderOf(UUID userId) {
		return jdbc.sql("SELECT holder_id FROM app_user WHERE id = ? AND holder_id IS NOT NULL")
			.param(userId)
			.query(UUID.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(String username) {
		return jdbc
			.sql("SELECT id, username, roles, must_change_password, disabled, totp_secret FROM app_user "
					+ "WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
					roles(rs.getString("roles")), rs.getBoolean("must_change_password"), rs.getBoolean("disabled"),
					rs.getString("totp_secret") != null))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(UUID id) {
		return jdbc.sql("SELECT username FROM app_user WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.flatMap(this::find);
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return jdbc.sql("SELECT username FROM app_user ORDER BY username")
			.query(String.class)
			.list()
			.stream()
			.map(name -> find(name).orElseThrow())
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean anyExists() {
		return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() > 0;
	}

	/** The account as Spring Security checks a password against it. */
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return jdbc
			.sql("SELECT username, password_hash, roles, disabled, locked_until FROM app_user WHERE username = ?")
			.param(username)
			.query((rs, n) -> {
				OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
				return User.withUsername(rs.getString("username"))
					.password(rs.getString("password_hash"))
					.roles(roles(rs.getString("roles")).stream().map(Role::name).toArray(String[]::new))
					.disabled(rs.getBoolean("disabled"))
					.accountLocked(lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(ZoneOffset.UTC)))
					.build();
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no user " + username));
	}

	/** Whether the account is locked now (too many wrong passwords or codes). */
	@Transactional(readOnly = true)
	public boolean locked(String username) {
		return jdbc.sql("SELECT locked_until FROM app_user WHERE username = ?")
			.param(username)
			.query((rs, n) -> rs.getObject("locked_until", OffsetDateTime.class))
			.optional()
			.map(until -> until.isAfter(OffsetDateTime.now(ZoneOffset.UTC)))
			.orElse(false);
	}

	/** A wrong password: count it, and lock the account at the limit. */
	@Transactional
	void recordFailure(String username) {
		jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = ?")
			.param(username)
			.update();
		jdbc.sql(
				"UPDATE app_user SET locked_until = ?, failed_attempts = 0 WHERE username = ? AND failed_attempts >= ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).plus(LOCK_TIME), username, MAX_FAILURES)
			.update();
	}

	@Transactional
	void recordSuccess(String username) {
		jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = ?")
			.param(username)
			.update();
	}

	static Set<Role> roles(String list) {
		return list == null || list.isBlank() ? EnumSet.noneOf(Role.class)
				: Arrays.stream(list.split(","))
					.map(Role::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

}
