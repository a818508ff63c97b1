package org.armstrace;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which database is in use and where the server answers; warns that H2
 * is for evaluation.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final DataSource dataSource;

	StartupReport(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener
	void onReady(ApplicationReadyEvent ready) throws SQLException {
		String product;
		String url;
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
			url = meta.getURL();
		}
		log.info("Database: {} at {}", product, url);
		if (product.startsWith("H2")) {
			log.warn("H2 is the embedded database for evaluation, training and small offices: it does not promise "
					+ "durability on power loss. Run production on PostgreSQL (SPRING_DATASOURCE_URL).");
		}
		if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
			log.info("ArmsTrace is ready at http://localhost:{}/", web.getWebServer().getPort());
		}
	}

}
