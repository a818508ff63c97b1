package org.armstrace.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.FirearmSummary;
import org.armstrace.registry.RegistryQueries.HolderView;
import org.armstrace.seizure.PeopleInSeizures;
import org.armstrace.seizure.PeopleInSeizures.SeizedFirearm;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestQueries.CaseMoney;
import org.armstrace.tracing.TraceRequestQueries.InvestigationCase;
import org.armstrace.tracing.TraceRequestQueries.NamedInCase;
import org.armstrace.tracing.TraceRequestQueries.WeaponIn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weapons, people and money together (Working Group DP 36-37): the persons and companies
 * whose name holds a text, wherever the system names them (holders in the registry,
 * persons of seizures, senders and recipients of seized shipments, persons of
 * investigation cases), the registered firearms that link them (held, seized with them,
 * named in their cases) with everywhere else those firearms appear, and the cases reached
 * either way with their persons and money. Everything here is personal data: the callers
 * ask for a purpose and write it to the access log.
 */
@Service
public class PersonLinks {

	/** At most this many of each kind of person, firearm and case. */
	static final int LIMIT = 100;

	/**
	 * A person or company as one source names it: {@code HOLDER}, {@code SEIZURE_PERSON},
	 * {@code SHIPMENT_PARTY} or {@code CASE_PERSON}, with its role there, what else
	 * identifies it, and the record it is named in (a holder, a seizure, a case).
	 */
	public record Person(String source, UUID id, String name, String role, String detail, String reference,
			UUID recordId) {
	}

	/**
	 * A registered firearm that links the people found: how it was reached, who holds it
	 * now, and every seizure, case and trace request that names it.
	 */
	public record Weapon(UUID firearmId, String recordNumber, String description, String holder, List<Reach> reachedBy,
			List<String> seizures, List<String> cases, List<String> traces) {
	}

	/**
	 * An investigation case reached through a person found or a weapon, with its persons
	 * and its money.
	 */
	public record Case(String reference, List<Reach> reachedBy, List<String> persons, long weapons,
			List<CaseMoney> money) {
	}

	/**
	 * How a weapon or a case was reached: {@code HELD_BY}, {@code SEIZED_WITH},
	 * {@code IN_CASE} (a weapon), {@code NAMES}, {@code NAMES_WEAPON} (a case), and
	 * through whom or what.
	 */
	public record Reach(String how, String through) {
	}

	public record Links(String name, List<Person> people, List<Weapon> weapons, List<Case> cases) {

		public int size() {
			return people.size() + weapons.size() + cases.size();
		}

	}

	private final RegistryQueries registry;

	private final PeopleInSeizures seizures;

	private final TraceRequestQueries traces;

	PersonLinks(RegistryQueries registry, PeopleInSeizures seizures, TraceRequestQueries traces) {
		this.registry = registry;
		this.seizures = seizures;
		this.traces = traces;
	}

	@Transactional(readOnly = true)
	public Links of(String name) {
		List<Person> people = new ArrayList<>();
		Map<UUID, Set<Reach>> reached = new LinkedHashMap<>();
		Map<String, Set<Reach>> caseReached = new LinkedHashMap<>();
		for (HolderView h : registry.holdersNamed(name, LIMIT)) {
			people.add(new Person("HOLDER", h.id(), h.name(), h.role().name(), join(h.address(), h.country()),
					h.licenceReference(), h.id()));
			registry.firearmsOnRecordOf(h.id(), LIMIT)
				.forEach(f -> reach(reached, f.id(), new Reach("HELD_BY", h.name())));
		}
		Map<UUID, String> bySeizure = new HashMap<>();
		for (PeopleInSeizures.SeizedWith p : seizures.personsNamed(name, LIMIT)) {
			people.add(new Person("SEIZURE_PERSON", p.personId(), p.name(), p.role().name(), p.nationality(),
					p.seizureReference(), p.seizureId()));
			bySeizure.merge(p.seizureId(), p.name(), (a, b) -> a.equals(b) ? a : a + ", " + b);
		}
		for (PeopleInSeizures.ShipmentParty p : seizures.partiesNamed(name, LIMIT)) {
			people.add(new Person("SHIPMENT_PARTY", p.partyId(), p.name(), p.role(),
					join(p.address(), p.phone(), p.paymentReference()), p.seizureReference(), p.seizureId()));
			bySeizure.merge(p.seizureId(), p.name(), (a, b) -> a.equals(b) ? a : a + ", " + b);
		}
		for (SeizedFirearm f : seizures.firearmsSeizedIn(bySeizure.keySet())) {
			reach(reached, f.firearmId(),
					new Reach("SEIZED_WITH", bySeizure.get(f.seizureId()) + " (" + f.seizureReference() + ")"));
		}
		Map<String, InvestigationCase> cases = new LinkedHashMap<>();
		for (NamedInCase p : traces.casePersonsNamed(name, LIMIT)) {
			people.add(new Person("CASE_PERSON", p.personId(), p.name(), p.role(), p.nationality(), p.caseReference(),
					null));
			caseReached.computeIfAbsent(p.caseReference(), c -> new LinkedHashSet<>())
				.add(new Reach("NAMES", p.name()));
			InvestigationCase found = cases.computeIfAbsent(p.caseReference(),
					c -> traces.investigationCase(c).orElse(null));
			if (found != null) {
				found.weapons()
					.forEach(w -> reach(reached, w.firearmId(),
							new Reach("IN_CASE", p.caseReference() + " (" + p.name() + ")")));
			}
		}
		List<UUID> ids = reached.keySet().stream().limit(LIMIT).toList();
		Map<UUID, FirearmSummary> summaries = registry.firearmSummaries(ids);
		Map<UUID, UUID> holders = registry.holdersOf(ids);
		Map<UUID, String> holderNames = new HashMap<>();
		Map<UUID, List<String>> seizedIn = group(
				seizures.seizuresOf(ids).stream().map(s -> new WeaponIn(s.firearmId(), s.seizureReference())).toList());
		List<WeaponIn> weaponCases = traces.casesOfWeapons(ids);
		Map<UUID, List<String>> inCases = group(weaponCases);
		Map<UUID, List<String>> traced = group(traces.tracesOfWeapons(ids));
		List<Weapon> weapons = new ArrayList<>();
		for (UUID id : ids) {
			FirearmSummary f = summaries.get(id);
			if (f == null) {
				continue;
			}
			UUID holderId = holders.get(id);
			String holder = holderId == null ? null : holderNames.computeIfAbsent(holderId,
					h -> registry.holder(h).map(v -> v.name() + " (" + v.role() + ")").orElse(h.toString()));
			weapons.add(new Weapon(id, f.recordNumber(), join(f.type().name(), f.make(), f.model(), f.calibre()),
					holder, List.copyOf(reached.get(id)), seizedIn.getOrDefault(id, List.of()),
					inCases.getOrDefault(id, List.of()), traced.getOrDefault(id, List.of())));
			inCases.getOrDefault(id, List.of())
				.forEach(c -> caseReached.computeIfAbsent(c, k -> new LinkedHashSet<>())
					.add(new Reach("NAMES_WEAPON", f.recordNumber())));
		}
		List<Case> linkedCases = new ArrayList<>();
		caseReached.entrySet().stream().limit(LIMIT).forEach(e -> {
			InvestigationCase c = cases.computeIfAbsent(e.getKey(), r -> traces.investigationCase(r).orElse(null));
			if (c != null) {
				linkedCases.add(new Case(c.reference(), List.copyOf(e.getValue()),
						c.persons()
							.stream()
							.map(p -> p.name() + (p.role() == null ? "" : " (" + p.role() + ")"))
							.toList(),
						c.weapons().size(), c.money()));
			}
		});
		people.sort(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(Person::source)
			.thenComparing(p -> p.reference() == null ? "" : p.reference()));
		return new Links(name, List.copyOf(people), List.copyOf(weapons), List.copyOf(linkedCases));
	}

	private static void reach(Map<UUID, Set<Reach>> reached, UUID firearmId, Reach how) {
		reached.computeIfAbsent(firearmId, f -> new LinkedHashSet<>()).add(how);
	}

	private static Map<UUID, List<String>> group(List<WeaponIn> found) {
		return found.stream()
			.collect(Collectors.groupingBy(WeaponIn::firearmId, Collectors.collectingAndThen(
					Collectors.mapping(WeaponIn::reference, Collectors.toCollection(TreeSet::new)), List::copyOf)));
	}

	private static String join(String... parts) {
		return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
	}

}
