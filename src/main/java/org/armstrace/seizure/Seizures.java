package org.armstrace.seizure;

import static org.armstrace.seizure.RecoveryProtocol.blank;
import static org.armstrace.seizure.RecoveryProtocol.trim;
import static org.armstrace.seizure.RecoveryProtocol.upper;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.reference.Countries;
import org.armstrace.reference.NonIndustrialCatalogue;
import org.armstrace.registry.RegistryRule;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.seizure.SeizureEvent.PersonInvolved;
import org.armstrace.seizure.SeizureEvent.SeizureRecorded;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.TracePriority;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.Tracing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Records seizures: where, how and by whom, the persons involved and every item, and runs
 * the recovery protocol on each seized firearm and marked part in the same transaction
 * ({@link RecoveryProtocol}). Custody and holds are {@link EvidenceCustody}; destruction
 * is {@link DestructionGate}.
 */
@Service
public class Seizures {

	public record RecordSeizure(@PlausibleDate LocalDate seizedOn, @Size(max = Limits.COUNTRY) String country,
			@Size(max = Limits.SHORT) String region, @Size(max = Limits.SHORT) String locality, Double latitude,
			Double longitude, PlaceKind placeKind, @Size(max = Limits.NAME) String agency,
			@Size(max = Limits.REFERENCE) String caseReference, LegalBasis legalBasis, CriminalContext criminalContext,
			@Valid ShipmentDetails shipment, @Size(max = Limits.ITEMS) List<@NotNull @Valid Person> persons,
			@Size(max = Limits.ITEMS) List<@NotNull @Valid Item> items) {
	}

	public record ShipmentDetails(@Size(max = Limits.SHORT) String carrier,
			@Size(max = Limits.REFERENCE) String trackingNumber, @Size(max = Limits.NAME) String declaredContent,
			@Size(max = Limits.COUNTRY) String originCountry, @Size(max = Limits.COUNTRY) String destinationCountry,
			@Valid Party sender, @Valid Party recipient) {
	}

	/**
	 * A sender or recipient: name, address, telephone number and the payment reference it
	 * used stay in this database, off the ledger.
	 */
	public record Party(@Size(max = Limits.NAME) String name, @Size(max = Limits.TEXT) String address,
			@Size(max = Limits.SHORT) String phone, @Size(max = Limits.REFERENCE) String paymentReference) {
	}

	public record Person(@Size(max = Limits.NAME) String name, @Size(max = Limits.COUNTRY) String nationality,
			PersonRole role) {
	}

	/**
	 * One seized item. Firearms and parts: what was observed, optionally the record the
	 * officer already confirmed ({@code firearmId}), an ISACS 05.31 exception to tracing
	 * with its reason, a ballistic reference. Ammunition: calibre and quantity, headstamp
	 * or lot. A firearm or part may be a design of the catalogue of non-industrial
	 * firearms ({@code nonIndustrialEntry}: the entry's code, "FGC-9").
	 */
	public record Item(ItemKind kind, @Valid ObservedMarkings observed, UUID firearmId,
			@Size(max = Limits.CODE) String partKind, @Size(max = Limits.SHORT) String calibre,
			@Max(Limits.ROUNDS) Long quantity, @Size(max = Limits.REFERENCE) String headstamp,
			@Size(max = Limits.REFERENCE) String lotNumber, @Size(max = Limits.COUNTRY) String countryOfLastImport,
			@Size(max = Limits.NAME) String storageLocation, @Size(max = Limits.NAME) String custodian,
			@Size(max = Limits.TEXT) String traceException, @Size(max = Limits.REFERENCE) String ballisticReference,
			TracePriority tracePriority, @Size(max = Limits.TEXT) String urgentReason,
			@Size(max = NonIndustrialCatalogue.CODE) String nonIndustrialEntry) {
	}

	private final CommandKernel.Commands<SeizureEvent> commands;

	private final CommandKernel kernel;

	private final SeizureProjection projection;

	private final JdbcClient jdbc;

	private final RecoveryProtocol protocol;

	private final TraceRequests traceRequests;

	private final RegistryQueries registry;

	private final Countries countries;

	private final NonIndustrialCatalogue nonIndustrial;

	private final Tracing tracing;

	private final JsonMapper json;

	Seizures(CommandKernel kernel, SeizureProjection projection, JdbcClient jdbc, RecoveryProtocol protocol,
			TraceRequests traceRequests, RegistryQueries registry, Countries countries,
			NonIndustrialCatalogue nonIndustrial, Tracing tracing, JsonMapper json) {
		this.tracing = tracing;
		this.json = json;
		this.countries = countries;
		this.nonIndustrial = nonIndustrial;
		this.commands = kernel.commandsFor(projection);
		this.kernel = kernel;
		this.projection = projection;
		this.jdbc = jdbc;
		this.protocol = protocol;
		this.traceRequests = traceRequests;
		this.registry = registry;
	}

	public CommandResult record(RecordSeizure c, String actor) {
		return record(c, actor, null);
	}

	/**
	 * Records the seizure, its persons and items, and runs the protocol on each firearm
	 * and part.
	 */
	public CommandResult record(RecordSeizure asGiven, String actor, String idempotencyKey) {
		return commands.run("record-seizure", actor, idempotencyKey, asGiven, () -> {
			RecordSeizure c = withCountryCodes(asGiven);
			Checks checks = check(c);
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID seizureId = UUID.randomUUID();
			String reference = nextReference(c.seizedOn());
			List<SeizureEvent> events = new ArrayList<>();
			List<Runnable> offLedger = new ArrayList<>();
			events.add(new SeizureRecorded(seizureId, reference, c.seizedOn(), upper(c.country()), trim(c.region()),
					trim(c.locality()), c.latitude(), c.longitude(), c.placeKind(), c.agency().trim(),
					trim(c.caseReference()), c.legalBasis(), c.criminalContext(), shipment(c.shipment(), offLedger)));
			for (Person p : persons(c)) {
				UUID personId = UUID.randomUUID();
				events.add(new PersonInvolved(seizureId, personId, p.role()));
				offLedger.add(() -> jdbc
					.sql("INSERT INTO seizure_person_identity (person_id, name, nationality) " + "VALUES (?, ?, ?)")
					.params(personId, p.name().trim(), upper(p.nationality()))
					.update());
			}
			String investigationCase = null;
			for (int number = 1; number <= c.items().size(); number++) {
				Item item = c.items().get(number - 1);
				RecoveryProtocol.SeizedItem seized = new RecoveryProtocol.SeizedItem(UUID.randomUUID(), seizureId,
						number, reference + "/" + number, item);
				if (item.kind() == ItemKind.AMMUNITION) {
					events.add(ammunition(seized, c));
					continue;
				}
				RecoveryProtocol.Outcome outcome = protocol.run(seized, c, reference, actor, investigationCase);
				events.addAll(outcome.events());
				investigationCase = outcome.investigationCase();
			}
			if (investigationCase != null) {
				for (Person p : persons(c)) {
					traceRequests.addPerson(investigationCase, p.name(), p.nationality(), p.role().name(), actor);
				}
			}
			return Decision.record(seizureId, events).alsoWrite(() -> offLedger.forEach(Runnable::run));
		});
	}

	/** One item whose registry match waits for the candidate index. */
	private record Waiting(UUID itemId, UUID seizureId, int number, String reference, String observed,
			LocalDate seizedOn, String agency) {
	}

	/**
	 * Runs again the registry match of every item recorded while the candidate index was
	 * behind, once it has caught up; returns how many matches completed. Each completes
	 * in its own command, under the actor that recorded nothing but the index's catching
	 * up.
	 */
	public synchronized int completeRegistryMatchesWaitingForIndex() {
		if (tracing.indexBehind() > 0) {
			return 0;
		}
		List<Waiting> waiting = jdbc
			.sql("SELECT i.id, i.seizure_id, i.item_number, i.observed, s.reference, s.seized_on, s.agency "
					+ "FROM seized_item i JOIN seizure s ON s.id = i.seizure_id WHERE i.match_outcome = ?")
			.param(StepState.PENDING.name())
			.query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("seizure_id", UUID.class),
					rs.getInt("item_number"), rs.getString("reference") + "/" + rs.getInt("item_number"),
					rs.getString("observed"), rs.getObject("seized_on", LocalDate.class), rs.getString("agency")))
			.list();
		int completed = 0;
		for (Waiting w : waiting) {
			CommandResult result = commands.run("complete-registry-match", INDEX_CAUGHT_UP, null, () -> {
				String state = jdbc.sql("SELECT match_outcome FROM seized_item WHERE id = ?")
					.param(w.itemId())
					.query(String.class)
					.single();
				if (!StepState.PENDING.name().equals(state) || w.observed() == null) {
					return Decision.record(w.itemId(), List.of());
				}
				RecordSeizure seizure = new RecordSeizure(w.seizedOn(), null, null, null, null, null, null, w.agency(),
						null, null, null, null, null, null);
				return Decision.record(w.itemId(), protocol.completeRegistryMatch(w.itemId(), w.seizureId(), w.number(),
						w.reference(), json.readValue(w.observed(), ObservedMarkings.class), seizure, INDEX_CAUGHT_UP));
			});
			completed += result instanceof CommandResult.Accepted ? 1 : 0;
		}
		return completed;
	}

	/** Who completes a registry match that waited for the candidate index. */
	static final String INDEX_CAUGHT_UP = "system:firearm-index";

	/**
	 * The seizure with every country an officer named ("Autriche", "U.S.A.", "aut") as
	 * its alpha-3 code; a text that names none stays as given, for the checks to refuse.
	 */
	private RecordSeizure withCountryCodes(RecordSeizure c) {
		ShipmentDetails s = c.shipment();
		ShipmentDetails shipment = s == null ? null : new ShipmentDetails(s.carrier(), s.trackingNumber(),
				s.declaredContent(), code(s.originCountry()), code(s.destinationCountry()), s.sender(), s.recipient());
		List<Person> persons = c.persons() == null ? null
				: c.persons()
					.stream()
					.map(p -> p == null ? null : new Person(p.name(), code(p.nationality()), p.role()))
					.toList();
		List<Item> items = c.items() == null ? null : c.items().stream().map(this::withCountryCodes).toList();
		return new RecordSeizure(c.seizedOn(), code(c.country()), c.region(), c.locality(), c.latitude(), c.longitude(),
				c.placeKind(), c.agency(), c.caseReference(), c.legalBasis(), c.criminalContext(), shipment, persons,
				items);
	}

	private Item withCountryCodes(Item i) {
		if (i == null) {
			return null;
		}
		ObservedMarkings observed = i.observed() == null ? null
				: i.observed().withCountryOfManufacture(code(i.observed().countryOfManufacture()));
		return new Item(i.kind(), observed, i.firearmId(), i.partKind(), i.calibre(), i.quantity(), i.headstamp(),
				i.lotNumber(), code(i.countryOfLastImport()), i.storageLocation(), i.custodian(), i.traceException(),
				i.ballisticReference(), i.tracePriority(), i.urgentReason(), i.nonIndustrialEntry());
	}

	private String code(String country) {
		return blank(country) ? country : countries.codeOrAsGiven(country.trim());
	}

	private static SeizureEvent ammunition(RecoveryProtocol.SeizedItem seized, RecordSeizure c) {
		Item item = seized.item();
		return new SeizureEvent.ItemSeized(seized.itemId(), seized.seizureId(), seized.number(), item.kind(), null,
				null, trim(item.calibre()), item.quantity(), trim(item.headstamp()), trim(item.lotNumber()), null, null,
				trim(item.storageLocation()), trim(item.custodian()), c.seizedOn(), null, null);
	}

	private SeizureEvent.Shipment shipment(ShipmentDetails s, List<Runnable> offLedger) {
		if (s == null) {
			return null;
		}
		return new SeizureEvent.Shipment(trim(s.carrier()), trim(s.trackingNumber()), trim(s.declaredContent()),
				upper(s.originCountry()), upper(s.destinationCountry()), party(s.sender(), offLedger),
				party(s.recipient(), offLedger));
	}

	private UUID party(Party party, List<Runnable> offLedger) {
		if (party == null || blank(party.name())) {
			return null;
		}
		UUID id = UUID.randomUUID();
		offLedger.add(() -> jdbc
			.sql("INSERT INTO shipment_party (id, name, address, party_key, phone, payment_reference) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, party.name().trim(), trim(party.address()), partyKey(party), trim(party.phone()),
					trim(party.paymentReference()))
			.update());
		return id;
	}

	/**
	 * Name and address compared without case, accents, punctuation or spacing: the same
	 * party written twice.
	 */
	static String partyKey(Party party) {
		String text = party.name() + "|" + (party.address() == null ? "" : party.address());
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toUpperCase(Locale.ROOT)
			.replaceAll("[^A-Z0-9|]", "");
	}

	private static List<Person> persons(RecordSeizure c) {
		return c.persons() == null ? List.of() : c.persons();
	}

	private Checks check(RecordSeizure c) {
		Checks checks = new Checks().require("seizedOn", c.seizedOn())
			.notInFuture("seizedOn", c.seizedOn())
			.country("country", upper(c.country()))
			.rule(c.placeKind() != null, "placeKind", SeizureRule.PlaceKindRequired, List.of(PlaceKind.values()))
			.rule(!blank(c.agency()), "agency", SeizureRule.AgencyRequired)
			.rule(c.legalBasis() != null, "legalBasis", SeizureRule.LegalBasisRequired, List.of(LegalBasis.values()))
			.rule(c.criminalContext() != null, "criminalContext", SeizureRule.CriminalContextRequired,
					List.of(CriminalContext.values()));
		boolean coordinates = c.latitude() == null && c.longitude() == null || c.latitude() != null
				&& c.longitude() != null && Double.isFinite(c.latitude()) && Double.isFinite(c.longitude())
				&& Math.abs(c.latitude()) <= 90 && Math.abs(c.longitude()) <= 180;
		checks.rule(coordinates, "latitude", SeizureRule.Coordinates);
		if (c.shipment() != null) {
			checks.optionalCountry("shipment.originCountry", upper(c.shipment().originCountry()))
				.optionalCountry("shipment.destinationCountry", upper(c.shipment().destinationCountry()));
		}
		List<Person> persons = persons(c);
		for (int i = 0; i < persons.size(); i++) {
			Person p = persons.get(i);
			checks.rule(p != null && !blank(p.name()), "persons[" + i + "].name", SeizureRule.NameRequired);
			if (p != null) {
				checks.rule(p.role() != null, "persons[" + i + "].role", SeizureRule.RoleRequired,
						List.of(PersonRole.values()));
				checks.optionalCountry("persons[" + i + "].nationality", upper(p.nationality()));
			}
		}
		if (c.items() == null || c.items().isEmpty()) {
			return checks.add("items", SeizureRule.ItemsRequired);
		}
		for (int i = 0; i < c.items().size(); i++) {
			checkItem(c.items().get(i), "items[" + i + "]", checks);
		}
		return checks;
	}

	private void checkItem(Item item, String at, Checks checks) {
		if (item == null || item.kind() == null) {
			checks.add(at + ".kind", SeizureRule.KindRequired, List.of(ItemKind.values()));
			return;
		}
		if (item.kind() == ItemKind.AMMUNITION) {
			checks.rule(!blank(item.calibre()), at + ".calibre", SeizureRule.CalibreRequired);
			if (item.quantity() == null || item.quantity() < 1) {
				checks.add(at + ".quantity", CommonRule.QuantityIsPositive, item.quantity());
			}
			return;
		}
		checks.rule(item.observed() != null, at + ".observed", SeizureRule.ObservedMarkingsRequired)
			.rule(item.kind() != ItemKind.PART || !blank(item.partKind()), at + ".partKind",
					SeizureRule.PartKindRequired)
			.rule(item.firearmId() == null || registry.recordNumber(item.firearmId()).isPresent(), at + ".firearmId",
					SeizureRule.FirearmMustExist, item.firearmId())
			.rule(item.tracePriority() != TracePriority.URGENT || !blank(item.urgentReason()), at + ".urgentReason",
					SeizureRule.UrgentNeedsReason)
			.optionalCountry(at + ".countryOfLastImport", upper(item.countryOfLastImport()))
			.rule(blank(item.nonIndustrialEntry()) || nonIndustrial.entry(item.nonIndustrialEntry().trim()).isPresent(),
					at + ".nonIndustrialEntry", RegistryRule.NonIndustrialEntryIsKnown, item.nonIndustrialEntry());
	}

	private String nextReference(LocalDate on) {
		String start = "SZ-" + on.getYear() + "-";
		long count = jdbc.sql("SELECT COUNT(*) FROM seizure WHERE reference LIKE ?")
			.param(start + "%")
			.query(Long.class)
			.single();
		return start + String.format("%06d", count + 1);
	}

	/** Refills the seizure tables from the ledger (part of {@code armstrace rebuild}). */
	public long rebuild() {
		return kernel.rebuild(projection, SeizureEvent.TYPES);
	}

}
