package org.armstrace.ledger;

import java.util.Optional;

/**
 * Checks the tables that modules project from the ledger against the ledger itself.
 * Provided by the command kernel, which owns the projections; the ledger's API, page and
 * health show what it finds.
 */
public interface ProjectionAudit {

	/**
	 * Rebuilds every projection from the ledger in a transaction that is rolled back, and
	 * compares it row by row with the live tables. Holds the ledger's append lock while
	 * it runs: writers wait (up to {@code armstrace.ledger.append-wait}).
	 */
	ProjectionReport check();

	/** The last check this process ran, if any. */
	Optional<ProjectionReport> lastReport();

}
