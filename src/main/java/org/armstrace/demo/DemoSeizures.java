package org.armstrace.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.armstrace.command.CommandResult;
import org.armstrace.demo.DemoSeizureWorld.RegistrySeizure;
import org.armstrace.demo.DemoSeizureWorld.Trace;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.FirearmSummary;
import org.armstrace.seizure.GeneratedSeizures;
import org.armstrace.seizure.ProtocolStep;
import org.armstrace.seizure.SeizureEvent.RecoveryStepRecorded;
import org.armstrace.seizure.SeizureQueries;
import org.armstrace.seizure.StepOutcome;
import org.armstrace.seizure.StepState;
import org.armstrace.tracing.TracePriority;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generated seizures for the demo, the same for the same seed: seizures over the last
 * three years in every kind of place and context, firearms (some of them registered ones,
 * seized or stolen on the record), parts and ammunition, and postal and courier cases in
 * which some senders, recipients and addresses recur. Names are generated ("Synthetic
 * …"); no real person appears. Some firearms are traced, some unresolved.
 * <p>
 * Seizures and their protocol steps are valid by construction, so they are recorded in
 * batches as {@link GeneratedSeizures}; the registry's seizures of stolen firearms and
 * the trace requests go through their modules' commands.
 */
@Service
public class DemoSeizures {

	private static final Logger log = LoggerFactory.getLogger(DemoSeizures.class);

	private static final String ACTOR = "system:demo";

	private static final int PER_BATCH = 200;

	private final GeneratedSeizures generated;

	private final SeizureQueries seizures;

	private final RegistryQueries registry;

	private final FirearmCommands firearms;

	private final TraceRequests traceRequests;

	private final TraceRequestQueries traceQueries;

	private final TransactionTemplate transactions;

	private final FillStop stop;

	/** The networks of shipments the last fill planted. */
	private volatile List<List<String>> plantedNetworks = List.of();

	DemoSeizures(GeneratedSeizures generated, SeizureQueries seizures, RegistryQueries registry,
			FirearmCommands firearms, TraceRequests traceRequests, TraceRequestQueries traceQueries,
			TransactionTemplate transactions, FillStop stop) {
		this.stop = stop;
		this.generated = generated;
		this.seizures = seizures;
		this.registry = registry;
		this.firearms = firearms;
		this.traceRequests = traceRequests;
		this.traceQueries = traceQueries;
		this.transactions = transactions;
	}

	/** True when no seizure is on record: the demo never mixes with real ones. */
	public boolean isEmpty() {
		return seizures.seizureCount() == 0;
	}

	/**
	 * Generates {@code count} seizures in the country; returns the ledger entries
	 * written.
	 */
	public long generate(int count, long seed, String country) {
		return generate(count, seed, country, 0);
	}

	/**
	 * The networks of postal and courier shipments that the last fill of this run
	 * planted, each as the references of its seizures: their shipments share a sender, an
	 * address, a telephone number, a payment reference or a tracking number, and no two
	 * networks share any.
	 */
	public List<List<String>> plantedNetworks() {
		return plantedNetworks;
	}

	/** Seizures recorded so far. */
	public long recorded() {
		return seizures.seizureCount();
	}

	/**
	 * Generates seizures {@code first} to {@code count - 1}: the rest of a fill that was
	 * interrupted after {@code first} of them (drawn afresh: the same references, other
	 * circumstances).
	 */
	public long generate(int count, long seed, String country, int first) {
		long started = System.nanoTime();
		Random random = new Random(seed + first);
		List<FirearmSummary> seizedOnRecord = new ArrayList<>(registry.firearmsInStatus(FirearmStatus.SEIZED, 5_000));
		seizedOnRecord.addAll(registry.firearmsInStatus(FirearmStatus.STOLEN, 2_000));
		DemoSeizureWorld world = new DemoSeizureWorld(random, country, LocalDate.now(), seizedOnRecord);
		long written = 0;
		int firearmItems = 0;
		for (int from = first; from < count; from += PER_BATCH) {
			// a batch is written whole (its seizures, then their trace requests): a
			// resumed
			// fill counts the seizures recorded and goes on after them
			stop.check();
			int to = Math.min(count, from + PER_BATCH);
			DemoSeizureWorld.Batch batch = new DemoSeizureWorld.Batch();
			for (int n = from; n < to; n++) {
				world.seizure(n, batch);
			}
			written += generated.record(batch.events, batch.persons, batch.parties, ACTOR);
			written += seizeOnTheRegistry(batch.registrySeizures);
			for (Trace trace : batch.traces) {
				firearmItems++;
				written += trace(trace, country, random);
			}
			if (to % 5_000 == 0) {
				log.info("Demo seizures: {} of {}", to, count);
			}
		}
		plantedNetworks = world.plantedNetworks();
		log.info("Demo seizures: {} seizures, {} firearm items traced or not, {} ledger entries in {} s", count,
				firearmItems, written, (System.nanoTime() - started) / 1_000_000_000);
		return written;
	}

	/**
	 * Stolen firearms on record that turn up in a seizure are seized on the registry too.
	 */
	private long seizeOnTheRegistry(List<RegistrySeizure> seized) {
		long written = 0;
		for (RegistrySeizure s : seized) {
			if (firearms.seize(s.firearmId(),
					new FirearmCommands.RecordSeizure(s.authority(), s.caseReference(), s.on()), ACTOR,
					null) instanceof CommandResult.Accepted a) {
				written += a.ledgerSeqs().size();
			}
		}
		return written;
	}

	/**
	 * Opens the item's trace request (answered for most matched firearms, unresolved for
	 * some others) and records the protocol step that names it, in one transaction.
	 */
	private long trace(Trace t, String country, Random r) {
		Long written = transactions.execute(status -> {
			CommandResult opened = traceRequests
				.open(new TraceRequests.OpenTraceRequest(t.observed(), TracePriority.ROUTINE, null, t.on(), t.on(),
						country, null, null, t.itemReference(), null, null, t.firearmId()), ACTOR, null);
			if (!(opened instanceof CommandResult.Accepted a)) {
				return 0L;
			}
			long entries = a.ledgerSeqs().size();
			if (t.firearmId() != null && r.nextInt(4) != 0) {
				entries += ((CommandResult.Accepted) traceRequests.answer(a.subjectId(), ACTOR)).ledgerSeqs().size();
			}
			else if (t.firearmId() == null && r.nextBoolean()) {
				traceRequests.unresolved(a.subjectId(), "no registered record fits the markings", ACTOR);
				traceRequests.answer(a.subjectId(), ACTOR);
				entries += 2;
			}
			TraceRequestQueries.TraceRequestView view = traceQueries.find(a.subjectId()).orElseThrow();
			RecoveryStepRecorded step = RecoveryStepRecorded
				.of(t.itemId(), ProtocolStep.TRACE_REQUEST, StepState.DONE, StepOutcome.TRACE_OPENED, view.reference(),
						view.caseReference())
				.withTraceRequest(a.subjectId());
			return entries + generated.record(List.of(step), Map.of(), Map.of(), ACTOR);
		});
		return written == null ? 0 : written;
	}

}
