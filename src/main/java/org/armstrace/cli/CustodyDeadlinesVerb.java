package org.armstrace.cli;

import java.util.List;

import org.armstrace.seizure.SeizureQueries;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code custody-deadlines [--days=N]}: judicial holds ending within N days (default 30)
 * and overdue ones.
 */
@Component
class CustodyDeadlinesVerb implements Verb {

	private final SeizureQueries queries;

	CustodyDeadlinesVerb(SeizureQueries queries) {
		this.queries = queries;
	}

	@Override
	public String name() {
		return "custody-deadlines";
	}

	@Override
	public int run(ApplicationArguments args) {
		int days = Integer.parseInt(Options.value(args, "days", "30"));
		List<SeizureQueries.Deadline> found = queries.deadlines(days);
		for (SeizureQueries.Deadline d : found) {
			System.out.printf("%-10s %-22s %-12s %-30s %s, %s%n", d.overdue() ? "OVERDUE" : "due", d.itemReference(),
					d.until(), d.storageLocation(), d.caseReference(), d.court());
		}
		System.out.printf("%d judicial deadline(s) within %d days or overdue%n", found.size(), days);
		return 0;
	}

}
