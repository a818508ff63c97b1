package org.armstrace.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.armstrace.ledger.Ledger;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.Holding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fills an empty node with the demo's registry and seizures, and remembers the fill
 * (table {@code demo_fill}) so that one interrupted by a killed process is resumed at the
 * next start, with the size, seed and country it began with: the registry (and then the
 * licences) from the first event not yet on the ledger, the seizures from the first not
 * yet recorded.
 */
@Service
public class DemoFill {

	private static final Logger log = LoggerFactory.getLogger(DemoFill.class);

	/** What a fill was asked for, and how far it got. */
	public record Plan(int firearms, long seed, String country, boolean registryDone) {
	}

	private final JdbcClient jdbc;

	private final DemoRegistry registry;

	private final DemoSeizures seizures;

	private final DemoLicences licences;

	private final DemoTransfers transfers;

	private final Ledger ledger;

	private final Users users;

	private final RegistryQueries holdings;

	private final DemoCrossChecks crossChecks;

	private final FillStop stop;

	DemoFill(JdbcClient jdbc, DemoRegistry registry, DemoSeizures seizures, DemoLicences licences,
			DemoTransfers transfers, Ledger ledger, Users users, RegistryQueries holdings, DemoCrossChecks crossChecks,
			FillStop stop) {
		this.stop = stop;
		this.crossChecks = crossChecks;
		this.users = users;
		this.holdings = holdings;
		this.jdbc = jdbc;
		this.registry = registry;
		this.seizures = seizures;
		this.licences = licences;
		this.transfers = transfers;
		this.ledger = ledger;
	}

	/** A fill that began and did not finish, if there is one. */
	public Optional<Plan> unfinished() {
		return jdbc
			.sql("SELECT firearms, seed, country, registry_done FROM demo_fill WHERE id = 1 AND finished = FALSE")
			.query((rs, n) -> new Plan(rs.getInt("firearms"), rs.getLong("seed"), rs.getString("country"),
					rs.getBoolean("registry_done")))
			.optional();
	}

	/**
	 * Plans a fill of an empty node: false (and nothing planned) when the registry holds
	 * firearms, as a real node does.
	 */
	public boolean plan(int firearms, long seed, String country) {
		if (!registry.registryIsEmpty()) {
			return false;
		}
		jdbc.sql("DELETE FROM demo_fill").update();
		jdbc.sql("INSERT INTO demo_fill (id, firearms, seed, country, registry_done, finished) "
				+ "VALUES (1, ?, ?, ?, FALSE, FALSE)")
			.params(firearms, seed, country)
			.update();
		return true;
	}

	/**
	 * Carries out (or resumes) the planned fill on a thread of its own while the
	 * application serves; stopping the application ends it between two batches, and the
	 * next start resumes it.
	 */
	public void startInBackground(Plan plan) {
		stop.startFill(() -> {
			try {
				run(plan);
			}
			catch (FillStop.Stopped stopped) {
				log.info("Demo fill: stopped with the application; the next start resumes it");
			}
			catch (RuntimeException e) {
				log.error("Demo fill: failed; the next start resumes it", e);
			}
		});
	}

	/** Carries out (or resumes) the planned fill. */
	public void run(Plan plan) {
		if (!plan.registryDone()) {
			long written = ledger.entriesRecordedBy(DemoRegistry.ACTOR);
			if (written > 0) {
				log.info("Demo registry: resuming an interrupted fill after its first {} ledger entries", written);
			}
			registry.generate(plan.firearms(), plan.seed(), plan.country(), written);
			jdbc.sql("UPDATE demo_fill SET registry_done = TRUE WHERE id = 1").update();
		}
		// licences before seizures, from the holdings as the registry left them (so a
		// resumed fill draws the same ones and skips those already recorded)
		if (seizures.recorded() == 0) {
			licences.generate(plan.seed(), plan.country(), ledger.entriesRecordedBy(DemoLicences.ACTOR));
			transfers.generate(plan.seed(), plan.country(), ledger.entriesRecordedBy(DemoTransfers.ACTOR));
		}
		bindDemoDealer();
		int count = Math.max(10, plan.firearms() / 5);
		int recorded = (int) seizures.recorded();
		if (recorded > 0) {
			log.info("Demo seizures: resuming an interrupted fill after {} of {} seizures", recorded, count);
		}
		seizures.generate(count, plan.seed(), plan.country(), recorded);
		// planted once: a fill resumed after the planting does not plant again
		stop.check();
		if (ledger.entriesRecordedBy(DemoCrossChecks.ACTOR) == 0) {
			crossChecks.plant(plan.country(), LocalDate.now());
		}
		jdbc.sql("UPDATE demo_fill SET finished = TRUE WHERE id = 1").update();
	}

	/**
	 * The demo's {@code dealer} account keeps the stock of the dealer holding the most
	 * firearms, so that it has a register to show.
	 */
	private void bindDemoDealer() {
		users.find("dealer")
			.filter(account -> account.roles().contains(Role.DEALER) && users.holderOf(account.id()).isEmpty())
			.ifPresent(account -> holdings.holdings()
				.stream()
				.filter(h -> h.role() == HolderRole.DEALER)
				.collect(Collectors.groupingBy(Holding::holderId, Collectors.summingLong(Holding::held)))
				.entrySet()
				.stream()
				.max(Map.Entry.comparingByValue())
				.ifPresent(top -> users.bindToHolder(account.id(), top.getKey())));
	}

}
