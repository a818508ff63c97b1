package org.armstrace.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Which instance signs checkpoints when several serve one PostgreSQL database: the one
 * holding a session-level advisory lock, on a connection of its own kept for as long as
 * it leads. When that instance dies, PostgreSQL ends its session and frees the lock, and
 * the next instance to ask takes it over within one signing poll. The embedded H2
 * database serves one instance, which always leads.
 */
@Component
public class SigningLeadership implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SigningLeadership.class);

	/**
	 * The advisory lock's first key, "ARMS"; the second is the hash of the schema the
	 * ledger lives in, so that nodes in different schemas of one database each elect
	 * their own signer.
	 */
	static final int LOCK_KEY = 0x41524D53;

	private final DataSource dataSource;

	private final boolean postgresql;

	private Connection held;

	SigningLeadership(DataSource dataSource, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.postgresql = isPostgresql(dataSource);
		Gauge.builder("armstrace.ledger.signing.leader", this, l -> l.leads() ? 1 : 0)
			.description("1 while this instance signs the ledger's checkpoints")
			.register(meters);
	}

	/**
	 * Whether this instance signs: it keeps the lock while its connection lives, and asks
	 * for it otherwise.
	 */
	public synchronized boolean leads() {
		if (!postgresql) {
			return true;
		}
		try {
			if (held != null && held.isValid(2)) {
				return true;
			}
			release();
			Connection connection = dataSource.getConnection();
			try (PreparedStatement lock = connection
				.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(current_schema()))")) {
				lock.setInt(1, LOCK_KEY);
				try (ResultSet rs = lock.executeQuery()) {
					if (rs.next() && rs.getBoolean(1)) {
						held = connection;
						log.info("This instance now signs the ledger's checkpoints");
						return true;
					}
				}
			}
			connection.close();
			return false;
		}
		catch (SQLException e) {
			log.warn("Could not ask for the checkpoint signer's lock: {}", e.getMessage());
			release();
			return false;
		}
	}

	private void release() {
		if (held != null) {
			try {
				held.close();
			}
			catch (SQLException ignored) {
				// the session is gone, and the lock with it
			}
			held = null;
		}
	}

	@Override
	public synchronized void destroy() {
		release();
	}

	private static boolean isPostgresql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
		}
	}

}
