package org.armstrace.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Officers' web sessions in the database (Spring Session JDBC, tables of migration V105),
 * so that any instance serves them. A session attribute is written as an upsert: a
 * browser that asks for a page and its assets at once, before signing in, makes
 * concurrent requests that each save the page asked for in the same new session, and a
 * plain insert refused the second one.
 */
@Configuration(proxyBeanMethods = false)
class WebSessionStore {

	private static final String UPSERT_POSTGRESQL = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
			""";

	private static final String UPSERT_H2 = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesWrittenAsUpserts(DataSource dataSource) {
		String upsert = isPostgresql(dataSource) ? UPSERT_POSTGRESQL : UPSERT_H2;
		return repository -> repository.setCreateSessionAttributeQuery(upsert);
	}

	private static boolean isPostgresql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot read which database this is", e);
		}
	}

}
