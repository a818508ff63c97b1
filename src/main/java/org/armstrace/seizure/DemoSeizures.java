package org.armstrace.seizure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.FirearmSummary;
import org.armstrace.seizure.SeizureEvent.ItemSeized;
import org.armstrace.seizure.SeizureEvent.PersonInvolved;
import org.armstrace.seizure.SeizureEvent.RecoveryStepRecorded;
import org.armstrace.seizure.SeizureEvent.SeizureRecorded;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.TracePriority;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Generated seizures for the demo, the same for the same seed: seizures over the last three years in every kind
 * of place and context, firearms (some of them registered ones, seized or stolen on the record), parts and
 * ammunition, and postal and courier cases in which some senders, recipients and addresses recur. Names are
 * generated ("Synthetic …"); no real person appears. Some firearms are traced, some unresolved.
 */
@Service
public class DemoSeizures {

	private static final Logger log = LoggerFactory.getLogger(DemoSeizures.class);

	static final String[] AGENCIES = { "Federal Police", "Customs Service", "Regional Police North",
			"Regional Police South", "Border Guard", "Postal Inspection" };

	static final String[] CARRIERS = { "National Post", "ExpressCourier", "ParcelJet", "GlobalFreight Courier" };

	static final String[] LOCATIONS = { "Central evidence store, shelf A", "Central evidence store, shelf B",
			"Regional store North", "Regional store South", "Forensic laboratory" };

	static final String[] CALIBRES = { "9x19mm", ".22 LR", "7.62x39mm", ".45 ACP", "12 gauge", "5.56x45mm",
			".38 Special" };

	static final String[] MAKES = { "Glock", "Beretta", "CZ", "Zastava", "Smith & Wesson", "Taurus", "Baikal",
			"Walther" };

	static final String[] COUNTRIES = { "AUT", "ITA", "CZE", "SRB", "USA", "BRA", "RUS", "DEU", "TUR", "BIH" };

	private static final String ACTOR = "system:demo";

	private final CommandKernel.Commands<SeizureEvent> commands;

	private final JdbcClient jdbc;

	private final TraceRequestQueries traceQueries;

	private final RegistryQueries registry;

	private final TraceRequests traceRequests;

	private final FirearmCommands firearms;

	DemoSeizures(CommandKernel kernel, SeizureProjection projection, JdbcClient jdbc, RegistryQueries registry,
			TraceRequests traceRequests, TraceRequestQueries traceQueries, FirearmCommands firearms) {
		this.commands = kernel.commandsFor(projection);
		this.firearms = firearms;
		this.jdbc = jdbc;
		this.traceQueries = traceQueries;
		this.registry = registry;
		this.traceRequests = traceRequests;
	}

	public boolean isEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM seizure").query(Long.class).single() == 0;
	}

	/** Generates {@code count} seizures in the country; returns the ledger entries written. */
	public long generate(int count, long seed, String country) {
		long started = System.nanoTime();
		Random random = new Random(seed);
		List<FirearmSummary> seizedOnRecord = new ArrayList<>(registry.firearmsInStatus(FirearmStatus.SEIZED, 5_000));
		seizedOnRecord.addAll(registry.firearmsInStatus(FirearmStatus.STOLEN, 2_000));
		List<UUID[]> parties = new ArrayList<>();
		LocalDate today = LocalDate.now();
		long written = 0;
		int perBatch = 200;
		int firearmItems = 0;
		for (int start = 0; start < count; start += perBatch) {
			int from = start;
			int to = Math.min(count, start + perBatch);
			List<Object[]> traces = new ArrayList<>();
			List<Object[]> toSeize = new ArrayList<>();
			List<SeizureEvent> events = new ArrayList<>();
			List<Runnable> identities = new ArrayList<>();
			for (int n = from; n < to; n++) {
				events.addAll(seizure(n, random, country, today, seizedOnRecord, parties, traces, toSeize, identities));
			}
			CommandResult recorded = commands.run("generate-demo-seizures", ACTOR, null,
					() -> Decision.<SeizureEvent>record(null, events).alsoWrite(() -> identities.forEach(Runnable::run)));
			written += ((CommandResult.Accepted) recorded).ledgerSeqs().size();
			// stolen firearms on record that turn up in a seizure are seized on the registry too
			for (Object[] seized : toSeize) {
				if (firearms.seize((UUID) seized[0], new FirearmCommands.RecordSeizure((String) seized[3],
						(String) seized[1], (LocalDate) seized[2]), ACTOR, null) instanceof CommandResult.Accepted a) {
					written += a.ledgerSeqs().size();
				}
			}
			for (Object[] trace : traces) {
				firearmItems++;
				written += trace((UUID) trace[0], (ObservedMarkings) trace[1], (UUID) trace[2], (LocalDate) trace[3],
						(String) trace[4], country, random);
			}
			if (to % 5_000 == 0) {
				log.info("Demo seizures: {} of {}", to, count);
			}
		}
		log.info("Demo seizures: {} seizures, {} firearm items traced or not, {} ledger entries in {} s", count,
				firearmItems, written, (System.nanoTime() - started) / 1_000_000_000);
		return written;
	}

	private List<SeizureEvent> seizure(int n, Random r, String country, LocalDate today,
			List<FirearmSummary> onRecord, List<UUID[]> parties, List<Object[]> traces, List<Object[]> toSeize,
			List<Runnable> identities) {
		List<SeizureEvent> events = new ArrayList<>();
		UUID seizureId = UUID.randomUUID();
		LocalDate on = today.minusDays(r.nextInt(3 * 365));
		String reference = "SZ-" + on.getYear() + "-D" + String.format(Locale.ROOT, "%06d", n + 1);
		boolean postal = r.nextInt(100) < 15;
		PlaceKind place = postal ? PlaceKind.POSTAL_OR_COURIER_FACILITY
				: PlaceKind.values()[r.nextInt(PlaceKind.values().length - 1)];
		CriminalContext context = CriminalContext.values()[weighted(r, 30, 8, 10, 20, 2, 30)];
		LegalBasis basis = postal || place == PlaceKind.BORDER_CROSSING ? LegalBasis.TRAFFICKING
				: r.nextInt(10) < 8 ? LegalBasis.ILLICIT_POSSESSION : LegalBasis.OTHER;
		SeizureEvent.Shipment shipment = null;
		if (postal) {
			UUID[] pair = party(r, parties, identities);
			shipment = new SeizureEvent.Shipment(CARRIERS[r.nextInt(CARRIERS.length)],
					"TRK" + (100_000_000 + r.nextInt(900_000_000)), r.nextBoolean() ? "machine parts" : "toys",
					COUNTRIES[r.nextInt(COUNTRIES.length)], country, pair[0], pair[1]);
		}
		events.add(new SeizureRecorded(seizureId, reference, on, country, "Region " + (1 + r.nextInt(9)),
				"Town " + (1 + r.nextInt(120)), null, null, place, AGENCIES[postal ? 5 : r.nextInt(5)],
				"CASE-" + on.getYear() + "-" + (1000 + r.nextInt(9000)), basis, context, shipment));
		int persons = postal ? 0 : r.nextInt(3);
		for (int p = 0; p < persons; p++) {
			UUID personId = UUID.randomUUID();
			events.add(new PersonInvolved(seizureId, personId, PersonRole.values()[r.nextInt(3)]));
			String name = "Synthetic Person " + (n * 3 + p);
			String nationality = COUNTRIES[r.nextInt(COUNTRIES.length)];
			identities.add(() -> jdbc.sql("INSERT INTO seizure_person_identity (person_id, name, nationality) "
					+ "VALUES (?, ?, ?)").params(personId, name, nationality).update());
		}
		int items = 1 + (r.nextInt(10) < 3 ? 1 + r.nextInt(3) : 0);
		for (int i = 1; i <= items; i++) {
			UUID itemId = UUID.randomUUID();
			int kind = r.nextInt(100);
			String location = LOCATIONS[r.nextInt(LOCATIONS.length)];
			if (kind < 30) {
				String calibre = CALIBRES[r.nextInt(CALIBRES.length)];
				events.add(new ItemSeized(itemId, seizureId, i, ItemKind.AMMUNITION, null, null, calibre,
						(long) (1 + r.nextInt(r.nextInt(10) == 0 ? 2_000 : 100)), "HS" + r.nextInt(50), null, null,
						null, location, "Evidence officer " + (1 + r.nextInt(12)), on));
				continue;
			}
			boolean part = kind < 38;
			FirearmSummary known = !part && !onRecord.isEmpty() && r.nextInt(10) < 3
					? onRecord.remove(r.nextInt(onRecord.size())) : null;
			if (known != null && known.status() == FirearmStatus.STOLEN) {
				toSeize.add(new Object[] { known.id(), reference + "/" + i, on, AGENCIES[postal ? 5 : 0] });
			}
			ObservedMarkings observed = known != null
					? new ObservedMarkings(known.serial(), known.make(), known.model(), known.calibre(), null,
							known.countryOfManufacture(), null, null, null)
					: new ObservedMarkings(r.nextInt(8) == 0 ? "*" : serial(r), MAKES[r.nextInt(MAKES.length)], null,
							CALIBRES[r.nextInt(CALIBRES.length)], part ? null : r.nextBoolean() ? "PISTOL" : "RIFLE",
							COUNTRIES[r.nextInt(COUNTRIES.length)],
							r.nextInt(5) == 0 ? COUNTRIES[r.nextInt(COUNTRIES.length)] + " 2019" : null, null, null);
			String lastImport = observed.importMarking() == null ? null : observed.importMarking().substring(0, 3);
			events.add(new ItemSeized(itemId, seizureId, i, part ? ItemKind.PART : ItemKind.FIREARM, observed,
					part ? (r.nextBoolean() ? "SLIDE" : "BARREL") : null, observed.calibre(), null, null, null,
					known == null ? null : known.id(), lastImport, location, "Evidence officer " + (1 + r.nextInt(12)),
					on));
			events.add(known != null
					? RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
							StepOutcome.MATCHED, known.recordNumber(), Candidate.Band.EXACT, 1.0)
					: RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
							StepOutcome.NO_RECORD_FITS, reference + "/" + i));
			events.add(known == null
					? RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.PENDING,
							StepOutcome.NO_RECORD_YET)
					: known.status() == FirearmStatus.STOLEN
							? RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS,
									StepState.NEEDS_ATTENTION, StepOutcome.LISTED_MISSING, known.status())
							: RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.DONE,
									StepOutcome.NOT_LISTED_MISSING, known.status()));
			if (r.nextInt(20) == 0) {
				events.add(RecoveryStepRecorded.of(itemId, ProtocolStep.TRACE_REQUEST, StepState.EXCEPTION,
						StepOutcome.TRACE_EXCEPTION, "ISACS 05.31: manufactured before 1946"));
			}
			else if (known != null || r.nextInt(3) == 0) {
				traces.add(new Object[] { itemId, observed, known == null ? null : known.id(), on,
						reference + "/" + i });
			}
			events.add(RecoveryStepRecorded.of(itemId, ProtocolStep.INTERNATIONAL_CHECK, StepState.NOT_CONNECTED,
					StepOutcome.INTERNATIONAL_NOT_CONNECTED));
			events.add(r.nextInt(3) == 0
					? RecoveryStepRecorded.of(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.DONE,
							StepOutcome.BALLISTIC_RECORDED, "IBIN-" + (100_000 + r.nextInt(900_000)))
					: RecoveryStepRecorded.of(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.PENDING,
							StepOutcome.BALLISTIC_PENDING));
			if (r.nextInt(6) == 0) {
				events.add(new SeizureEvent.JudicialHoldPlaced(itemId, UUID.randomUUID(), "COURT-CASE-" + (100 + n),
						"District Court " + (1 + r.nextInt(6)), on.plusDays(10), r.nextInt(4) == 0 ? null
								: on.plusDays(200 + r.nextInt(900))));
			}
		}
		return events;
	}

	/** Opens the item's trace request (answered for most matched firearms) and records the step. */
	private long trace(UUID itemId, ObservedMarkings observed, UUID firearmId, LocalDate on, String itemReference,
			String country, Random r) {
		long[] written = { 0 };
		commands.run("generate-demo-trace", ACTOR, null, () -> {
			CommandResult opened = traceRequests.open(new TraceRequests.OpenTraceRequest(observed,
					TracePriority.ROUTINE, null, on, on, country, null, null, itemReference, null, null, firearmId),
					ACTOR, null);
			if (!(opened instanceof CommandResult.Accepted a)) {
				return Decision.record(itemId);
			}
			written[0] += a.ledgerSeqs().size();
			if (firearmId != null && r.nextInt(4) != 0) {
				written[0] += ((CommandResult.Accepted) traceRequests.answer(a.subjectId(), ACTOR)).ledgerSeqs().size();
			}
			else if (firearmId == null && r.nextBoolean()) {
				traceRequests.unresolved(a.subjectId(), "no registered record fits the markings", ACTOR);
				traceRequests.answer(a.subjectId(), ACTOR);
				written[0] += 2;
			}
			TraceRequestQueries.TraceRequestView view = traceQueries.find(a.subjectId()).orElseThrow();
			written[0]++;
			return Decision.record(itemId, RecoveryStepRecorded.of(itemId, ProtocolStep.TRACE_REQUEST, StepState.DONE,
					StepOutcome.TRACE_OPENED, view.reference(), view.caseReference()).withTraceRequest(a.subjectId()));
		});
		return written[0];
	}

	/** Sender and recipient: a third of postal cases reuse a party already seen, as repeat traffickers do. */
	private UUID[] party(Random r, List<UUID[]> parties, List<Runnable> identities) {
		if (!parties.isEmpty() && r.nextInt(3) == 0) {
			UUID[] earlier = parties.get((int) Math.min(parties.size() - 1, Math.abs(r.nextGaussian()) * 15));
			return new UUID[] { earlier[0], r.nextBoolean() ? earlier[1] : newParty(r, "Recipient", identities) };
		}
		UUID[] pair = { newParty(r, "Sender", identities), newParty(r, "Recipient", identities) };
		parties.add(pair);
		return pair;
	}

	private UUID newParty(Random r, String role, List<Runnable> identities) {
		UUID id = UUID.randomUUID();
		int number = r.nextInt(100_000);
		String name = "Synthetic " + role + " " + number;
		String address = (1 + r.nextInt(200)) + " Example Street, Town " + (1 + r.nextInt(120));
		identities.add(() -> jdbc.sql("INSERT INTO shipment_party (id, name, address, party_key) VALUES (?, ?, ?, ?)")
			.params(id, name, address, Seizures.partyKey(new Seizures.Party(name, address)))
			.update());
		return id;
	}

	private static String serial(Random r) {
		String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
		return "" + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()))
				+ String.format(Locale.ROOT, "%06d", r.nextInt(1_000_000));
	}

	private static int weighted(Random r, int... weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int pick = r.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			pick -= weights[i];
			if (pick < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

}
