package org.armstrace.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.RegistryQueries.FirearmSummary;
import org.armstrace.seizure.CriminalContext;
import org.armstrace.seizure.GeneratedSeizures.PersonIdentity;
import org.armstrace.seizure.ItemKind;
import org.armstrace.seizure.LegalBasis;
import org.armstrace.seizure.PersonRole;
import org.armstrace.seizure.PlaceKind;
import org.armstrace.seizure.ProtocolStep;
import org.armstrace.seizure.SeizureEvent;
import org.armstrace.seizure.SeizureEvent.ItemSeized;
import org.armstrace.seizure.SeizureEvent.JudicialHoldPlaced;
import org.armstrace.seizure.SeizureEvent.PersonInvolved;
import org.armstrace.seizure.SeizureEvent.RecoveryStepRecorded;
import org.armstrace.seizure.SeizureEvent.SeizureRecorded;
import org.armstrace.seizure.Seizures;
import org.armstrace.seizure.StepOutcome;
import org.armstrace.seizure.StepState;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.ObservedMarkings;

/**
 * The made-up seizures of the demo: where and why each was made, who was involved, what
 * was seized and what the recovery protocol found. Every draw comes from one seeded
 * source, so the same seed gives the same seizures.
 */
final class DemoSeizureWorld {

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

	/**
	 * A firearm the registry lists as stolen that turns up in a seizure: the registry
	 * records its seizure too.
	 */
	record RegistrySeizure(UUID firearmId, String caseReference, LocalDate on, String authority) {
	}

	/**
	 * A seized firearm or part whose trace request is opened once its seizure is
	 * recorded.
	 */
	record Trace(UUID itemId, ObservedMarkings observed, UUID firearmId, LocalDate on, String itemReference) {
	}

	/** What a batch of seizures records, and what follows from it. */
	static final class Batch {

		final List<SeizureEvent> events = new ArrayList<>();

		final Map<UUID, PersonIdentity> persons = new LinkedHashMap<>();

		final Map<UUID, Seizures.Party> parties = new LinkedHashMap<>();

		final List<RegistrySeizure> registrySeizures = new ArrayList<>();

		final List<Trace> traces = new ArrayList<>();

	}

	/**
	 * One item being made up: its seizure (the n-th), its number in it, its reference.
	 */
	/**
	 * Entries of the seeded catalogue of non-industrial firearms with their kinds, for
	 * the demo's emerging-threat view.
	 */
	private static final String[][] DESIGNS = { { "FGC-9", "PRINTED_3D" }, { "ALARM-CONVERTED", "CONVERTED_ALARM" },
			{ "PIPE-GUN", "CRAFT_MADE" }, { "POLYMER-80", "POLYMER_FRAME" }, { "LIBERATOR", "PRINTED_3D" } };

	private record Seized(UUID seizureId, int seizure, int number, String reference, LocalDate on, boolean postal) {
	}

	private final Random r;

	private final String country;

	private final LocalDate today;

	/** Firearms seized or stolen on the record, not yet seen in a demo seizure. */
	private final List<FirearmSummary> onRecord;

	/**
	 * A network of shipments the demo plants: its first shipment's sender, recipient and
	 * tracking number, and the references of the seizures in it.
	 */
	private record Ring(UUID sender, UUID recipient, Seizures.Party senderParty, String trackingNumber,
			List<String> references) {
	}

	/** Every postal case that did not join a ring began one, for repeat traffickers. */
	private final List<Ring> rings = new ArrayList<>();

	/**
	 * Parties made so far: makes each one's address, telephone and payment reference its
	 * own.
	 */
	private int partyCount;

	DemoSeizureWorld(Random random, String country, LocalDate today, List<FirearmSummary> onRecord) {
		this.r = random;
		this.country = country;
		this.today = today;
		this.onRecord = onRecord;
	}

	/** The n-th seizure: where, how and by whom, its persons and its items. */
	void seizure(int n, Batch batch) {
		UUID seizureId = UUID.randomUUID();
		LocalDate on = today.minusDays(r.nextInt(3 * 365));
		String reference = "SZ-" + on.getYear() + "-D" + String.format(Locale.ROOT, "%06d", n + 1);
		boolean postal = r.nextInt(100) < 15;
		batch.events.add(recorded(seizureId, reference, on, postal, batch));
		int persons = postal ? 0 : r.nextInt(3);
		for (int p = 0; p < persons; p++) {
			UUID personId = UUID.randomUUID();
			batch.events.add(new PersonInvolved(seizureId, personId, PersonRole.values()[r.nextInt(3)]));
			batch.persons.put(personId,
					new PersonIdentity("Synthetic Person " + (n * 3 + p), COUNTRIES[r.nextInt(COUNTRIES.length)]));
		}
		int items = 1 + (r.nextInt(10) < 3 ? 1 + r.nextInt(3) : 0);
		for (int i = 1; i <= items; i++) {
			item(new Seized(seizureId, n, i, reference + "/" + i, on, postal), batch);
		}
	}

	/** Where, why and by whom; a postal case has its shipment. */
	private SeizureRecorded recorded(UUID seizureId, String reference, LocalDate on, boolean postal, Batch batch) {
		PlaceKind place = postal ? PlaceKind.POSTAL_OR_COURIER_FACILITY
				: PlaceKind.values()[r.nextInt(PlaceKind.values().length - 1)];
		CriminalContext context = CriminalContext.values()[weighted(r, 30, 8, 10, 20, 2, 30)];
		LegalBasis basis = postal || place == PlaceKind.BORDER_CROSSING ? LegalBasis.TRAFFICKING
				: r.nextInt(10) < 8 ? LegalBasis.ILLICIT_POSSESSION : LegalBasis.OTHER;
		SeizureEvent.Shipment shipment = postal ? shipment(reference, batch) : null;
		return new SeizureRecorded(seizureId, reference, on, country, "Region " + (1 + r.nextInt(9)),
				"Town " + (1 + r.nextInt(120)), null, null, place, AGENCIES[postal ? 5 : r.nextInt(5)],
				"CASE-" + on.getYear() + "-" + (1000 + r.nextInt(9000)), basis, context, shipment);
	}

	/**
	 * A shipment that begins a ring or joins one: by the same sender, or by a new sender
	 * at the ring's address, with its telephone number or its payment reference, or by
	 * new parties under the ring's tracking number (a split consignment), chosen in turn.
	 */
	private SeizureEvent.Shipment shipment(String reference, Batch batch) {
		UUID sender;
		UUID recipient;
		String tracking = null;
		Ring joined = null;
		if (!rings.isEmpty() && r.nextInt(3) == 0) {
			joined = rings.get((int) Math.min(rings.size() - 1, Math.abs(r.nextGaussian()) * 15));
			recipient = r.nextBoolean() ? joined.recipient() : newParty("Recipient", batch, null);
			Seizures.Party first = joined.senderParty();
			sender = switch (joined.references().size() % 5) {
				case 2 -> newParty("Sender", batch, new Seizures.Party(null, first.address(), null, null));
				case 3 -> newParty("Sender", batch, new Seizures.Party(null, null, first.phone(), null));
				case 4 -> newParty("Sender", batch, new Seizures.Party(null, null, null, first.paymentReference()));
				case 0 -> {
					tracking = joined.trackingNumber();
					yield newParty("Sender", batch, null);
				}
				default -> joined.sender();
			};
			joined.references().add(reference);
		}
		else {
			sender = newParty("Sender", batch, null);
			recipient = newParty("Recipient", batch, null);
		}
		String carrier = CARRIERS[r.nextInt(CARRIERS.length)];
		// the seizure's number makes every tracking number drawn its own
		String drawn = "TRK" + (100_000_000 + r.nextInt(900_000_000)) + "-"
				+ reference.substring(reference.length() - 6);
		if (tracking == null) {
			tracking = drawn;
		}
		if (joined == null) {
			rings.add(new Ring(sender, recipient, batch.parties.get(sender), tracking,
					new ArrayList<>(List.of(reference))));
		}
		return new SeizureEvent.Shipment(carrier, tracking, r.nextBoolean() ? "machine parts" : "toys",
				COUNTRIES[r.nextInt(COUNTRIES.length)], country, sender, recipient);
	}

	/**
	 * The networks of shipments planted so far, each as the references of its seizures
	 * (two or more), in the order the demo made them.
	 */
	List<List<String>> plantedNetworks() {
		return rings.stream().filter(g -> g.references().size() > 1).map(g -> List.copyOf(g.references())).toList();
	}

	/**
	 * Ammunition, or a firearm or part with what was observed on it, its protocol steps
	 * and perhaps a hold.
	 */
	private void item(Seized s, Batch batch) {
		UUID itemId = UUID.randomUUID();
		int kind = r.nextInt(100);
		String location = LOCATIONS[r.nextInt(LOCATIONS.length)];
		if (kind < 30) {
			batch.events.add(ammunition(itemId, s, location));
			return;
		}
		boolean part = kind < 38;
		FirearmSummary known = !part && !onRecord.isEmpty() && r.nextInt(10) < 3
				? onRecord.remove(r.nextInt(onRecord.size())) : null;
		if (known != null && known.status() == FirearmStatus.STOLEN) {
			batch.registrySeizures
				.add(new RegistrySeizure(known.id(), s.reference(), s.on(), AGENCIES[s.postal() ? 5 : 0]));
		}
		ObservedMarkings observed = known != null ? asRecorded(known) : observed(part);
		String lastImport = observed.importMarking() == null ? null : observed.importMarking().substring(0, 3);
		// one unrecorded firearm in about forty is of a non-industrial design (chosen
		// without
		// drawing from the random sequence, so the rest of the demo stays as it was)
		String[] design = !part && known == null && s.seizure() % 40 == 7 ? DESIGNS[s.seizure() / 40 % DESIGNS.length]
				: null;
		batch.events.add(new ItemSeized(itemId, s.seizureId(), s.number(), part ? ItemKind.PART : ItemKind.FIREARM,
				observed, part ? (r.nextBoolean() ? "SLIDE" : "BARREL") : null, observed.calibre(), null, null, null,
				known == null ? null : known.id(), lastImport, location, "Evidence officer " + (1 + r.nextInt(12)),
				s.on(), design == null ? null : design[0], design == null ? null : design[1]));
		protocol(itemId, s, observed, known, batch);
		if (r.nextInt(6) == 0) {
			batch.events.add(new JudicialHoldPlaced(itemId, UUID.randomUUID(), "COURT-CASE-" + (100 + s.seizure()),
					"District Court " + (1 + r.nextInt(6)), s.on().plusDays(10),
					r.nextInt(4) == 0 ? null : s.on().plusDays(200 + r.nextInt(900))));
		}
	}

	private ItemSeized ammunition(UUID itemId, Seized s, String location) {
		String calibre = CALIBRES[r.nextInt(CALIBRES.length)];
		return new ItemSeized(itemId, s.seizureId(), s.number(), ItemKind.AMMUNITION, null, null, calibre,
				(long) (1 + r.nextInt(r.nextInt(10) == 0 ? 2_000 : 100)), "HS" + r.nextInt(50), null, null, null,
				location, "Evidence officer " + (1 + r.nextInt(12)), s.on(), null, null);
	}

	private static ObservedMarkings asRecorded(FirearmSummary known) {
		return new ObservedMarkings(known.serial(), known.make(), known.model(), known.calibre(), null,
				known.countryOfManufacture(), null, null, null);
	}

	private ObservedMarkings observed(boolean part) {
		return new ObservedMarkings(r.nextInt(8) == 0 ? "*" : serial(r), MAKES[r.nextInt(MAKES.length)], null,
				CALIBRES[r.nextInt(CALIBRES.length)], part ? null : r.nextBoolean() ? "PISTOL" : "RIFLE",
				COUNTRIES[r.nextInt(COUNTRIES.length)],
				r.nextInt(5) == 0 ? COUNTRIES[r.nextInt(COUNTRIES.length)] + " 2019" : null, null, null);
	}

	/**
	 * The protocol's steps as they ended; a trace request to open, or an ISACS exception.
	 */
	private void protocol(UUID itemId, Seized s, ObservedMarkings observed, FirearmSummary known, Batch batch) {
		batch.events.add(known != null
				? RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
						StepOutcome.MATCHED, known.recordNumber(), Candidate.Band.EXACT, 1.0)
				: RecoveryStepRecorded.of(itemId, ProtocolStep.NATIONAL_REGISTRY_MATCH, StepState.DONE,
						StepOutcome.NO_RECORD_FITS, s.reference()));
		batch.events.add(known == null
				? RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.PENDING,
						StepOutcome.NO_RECORD_YET)
				: known.status() == FirearmStatus.STOLEN
						? RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.NEEDS_ATTENTION,
								StepOutcome.LISTED_MISSING, known.status())
						: RecoveryStepRecorded.of(itemId, ProtocolStep.LOST_OR_STOLEN_STATUS, StepState.DONE,
								StepOutcome.NOT_LISTED_MISSING, known.status()));
		if (r.nextInt(20) == 0) {
			batch.events.add(RecoveryStepRecorded.of(itemId, ProtocolStep.TRACE_REQUEST, StepState.EXCEPTION,
					StepOutcome.TRACE_EXCEPTION, "ISACS 05.31: manufactured before 1946"));
		}
		else if (known != null || r.nextInt(3) == 0) {
			batch.traces.add(new Trace(itemId, observed, known == null ? null : known.id(), s.on(), s.reference()));
		}
		batch.events.add(RecoveryStepRecorded.of(itemId, ProtocolStep.INTERNATIONAL_CHECK, StepState.NOT_CONNECTED,
				StepOutcome.INTERNATIONAL_NOT_CONNECTED));
		batch.events.add(r.nextInt(3) == 0
				? RecoveryStepRecorded.of(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.DONE,
						StepOutcome.BALLISTIC_RECORDED, "IBIN-" + (100_000 + r.nextInt(900_000)))
				: RecoveryStepRecorded.of(itemId, ProtocolStep.BALLISTIC_REFERENCE, StepState.PENDING,
						StepOutcome.BALLISTIC_PENDING));
	}

	/**
	 * A new party, with an address, a telephone number and a payment reference of its
	 * own, but for what {@code shared} gives (a ring's address, telephone or payment
	 * reference).
	 */
	private UUID newParty(String role, Batch batch, Seizures.Party shared) {
		UUID id = UUID.randomUUID();
		int number = r.nextInt(100_000);
		partyCount++;
		String name = "Synthetic " + role + " " + number;
		String address = "Flat " + partyCount + ", " + (1 + r.nextInt(200)) + " Example Street, Town "
				+ (1 + r.nextInt(120));
		String phone = String.format(Locale.ROOT, "+43 660 %07d", partyCount);
		String payment = role.equals("Sender") ? "PAY-" + country + "-" + partyCount : null;
		if (shared != null) {
			address = shared.address() == null ? address : shared.address();
			phone = shared.phone() == null ? phone : shared.phone();
			payment = shared.paymentReference() == null ? payment : shared.paymentReference();
		}
		batch.parties.put(id, new Seizures.Party(name, address, phone, payment));
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
