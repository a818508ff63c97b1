package org.armstrace.tracing;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.registry.RegistryEvent;
import org.armstrace.registry.RegistryEvent.FirearmFoundAfterDestruction;
import org.armstrace.registry.RegistryEvent.FirearmRecovered;
import org.armstrace.registry.RegistryEvent.FirearmSeized;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.FirearmView;
import org.armstrace.registry.RegistryQueries.HolderView;
import org.armstrace.registry.RegistryQueries.TimelineEvent;
import org.armstrace.tracing.CustodyChain.ChainEvent;
import org.armstrace.tracing.CustodyChain.Flag;
import org.armstrace.tracing.CustodyChain.FlagKind;
import org.armstrace.tracing.CustodyChain.FlagReason;
import org.armstrace.tracing.CustodyChain.LegalHolder;
import org.armstrace.tracing.CustodyChain.RetailSale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a firearm's timeline as a chain of custody. The legal chain is every fact before
 * the firearm was last found (seized, recovered, found after destruction) or, when it has
 * not been found on the record, every fact; its last fact is the point of diversion.
 */
@Service
public class CustodyChains {

	private final RegistryQueries registry;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Period shortTimeToCrime;

	private final int dealerShortTraces;

	private final Confusions confusions;

	CustodyChains(RegistryQueries registry, JsonMapper json, JdbcClient jdbc, Confusions confusions,
			@Value("${armstrace.tracing.short-time-to-crime:P3Y}") Period shortTimeToCrime,
			@Value("${armstrace.tracing.dealer-short-time-to-crime-traces:3}") int dealerShortTraces) {
		this.registry = registry;
		this.json = json;
		this.jdbc = jdbc;
		this.shortTimeToCrime = shortTimeToCrime;
		this.dealerShortTraces = dealerShortTraces;
		this.confusions = confusions;
	}

	/**
	 * The chain of a firearm as found on {@code recoveredOn} (null: the date of its last
	 * recovery or seizure on record, else today), compared with what was observed on it
	 * (null: no comparison of markings).
	 */
	@Transactional(readOnly = true)
	public Optional<CustodyChain> of(UUID firearmId, ObservedMarkings observed, LocalDate recoveredOn) {
		return registry.firearm(firearmId).map(f -> read(f, observed, recoveredOn));
	}

	private CustodyChain read(FirearmView firearm, ObservedMarkings observed, LocalDate recoveredOn) {
		List<RegistryEvent> facts = new ArrayList<>();
		List<TimelineEvent> timeline = new ArrayList<>();
		for (TimelineEvent t : firearm.timeline()) {
			Class<? extends RegistryEvent> type = RegistryEvent.TYPES.get(t.type());
			// how the record reads (a legacy value and its reading) is no fact of the
			// firearm's life
			if (type != null && !RegistryEvent.AboutRecord.class.isAssignableFrom(type)) {
				facts.add(json.treeToValue(t.event(), type));
				timeline.add(t);
			}
		}
		int lastFound = lastFinding(facts);
		int end = endOfLegalChain(facts, lastFound);
		Map<UUID, HolderView> seen = new HashMap<>();
		ChainFold fold = new ChainFold(id -> seen.computeIfAbsent(id, k -> registry.holder(k).orElse(null)));
		for (int i = 0; i < facts.size(); i++) {
			fold.add(facts.get(i), timeline.get(i), i < end);
		}
		LocalDate found = recoveredOn != null ? recoveredOn
				: lastFound >= 0 && timeline.get(lastFound).occurredOn() != null ? timeline.get(lastFound).occurredOn()
						: LocalDate.now();
		RetailSale retail = fold.retailSale();
		Long ttc = retail == null ? null : ChronoUnit.DAYS.between(retail.occurredOn(), found);
		List<Flag> flags = new ArrayList<>(fold.openFlags());
		if (observed != null) {
			flags.addAll(markingFlags(firearm, observed));
		}
		flags.addAll(timeToCrimeFlags(firearm, retail, ttc, found));
		List<ChainEvent> events = fold.events();
		List<ChainEvent> legalEvents = events.stream().filter(ChainEvent::legal).toList();
		List<LegalHolder> chain = fold.holders();
		return new CustodyChain(firearm.id(), firearm.recordNumber(), chain, events,
				chain.isEmpty() ? null : chain.getLast(), legalEvents.isEmpty() ? null : legalEvents.getLast(), retail,
				found, ttc, List.copyOf(flags));
	}

	private static int lastFinding(List<RegistryEvent> facts) {
		int lastFound = -1;
		for (int i = 0; i < facts.size(); i++) {
			if (isFinding(facts.get(i))) {
				lastFound = i;
			}
		}
		return lastFound;
	}

	/**
	 * The legal chain ends before the last finding; findings before it were part of the
	 * chain's history.
	 */
	private static int endOfLegalChain(List<RegistryEvent> facts, int lastFound) {
		int end = lastFound < 0 ? facts.size() : lastFound;
		while (end > 0 && isFinding(facts.get(end - 1))) {
			end--;
		}
		return end;
	}

	private List<Flag> timeToCrimeFlags(FirearmView firearm, RetailSale retail, Long ttc, LocalDate found) {
		if (retail == null) {
			return List.of();
		}
		List<Flag> flags = new ArrayList<>();
		boolean shortOne = ttc != null && ttc >= 0
				&& !found.isAfter(retail.occurredOn().plus(shortTimeToCrime).minusDays(1));
		if (shortOne) {
			flags.add(
					Flag.of(FlagKind.SHORT_TIME_TO_CRIME, FlagReason.TIME_TO_CRIME_UNDER_LIMIT, ttc, shortTimeToCrime));
		}
		long total = shortTracesOf(retail.dealerId(), firearm.id()) + (shortOne ? 1 : 0);
		if (total >= dealerShortTraces) {
			flags.add(Flag.of(FlagKind.DEALER_WITH_MANY_SHORT_TIME_TO_CRIME_TRACES,
					FlagReason.DEALER_SHORT_TRACES_OVER_THRESHOLD, total, shortTimeToCrime, dealerShortTraces));
		}
		return flags;
	}

	private List<Flag> markingFlags(FirearmView firearm, ObservedMarkings observed) {
		List<Flag> flags = new ArrayList<>();
		if (observed.serial() != null && !observed.serial().isBlank()) {
			String seen = SerialForms.normalise(observed.serial());
			SerialAlignment.Fit fit = SerialAlignment.align(seen, SerialForms.normalise(firearm.serial()), confusions);
			if (fit.unreadable() > 0 || fit.run() || fit.missingEdges() > 0) {
				flags.add(Flag.of(FlagKind.MARKING_OBLITERATED,
						fit.run() ? FlagReason.SERIAL_PARTLY_UNREADABLE_WITH_RUN : FlagReason.SERIAL_PARTLY_UNREADABLE,
						observed.serial(), firearm.serial(), fit.unreadable() + fit.missingEdges()));
			}
			if (fit.differences() > 0) {
				flags.add(Flag.of(FlagKind.MARKING_ALTERED, FlagReason.SERIAL_DIFFERS, observed.serial(),
						firearm.serial(), fit.differences()));
			}
		}
		return flags;
	}

	/**
	 * Answered traces of other firearms first sold at retail by this dealer with a short
	 * time-to-crime.
	 */
	private long shortTracesOf(UUID dealerId, UUID exceptFirearm) {
		long days = shortTimeToCrime.toTotalMonths() * 30 + shortTimeToCrime.getDays();
		return jdbc
			.sql("SELECT COUNT(DISTINCT firearm_id) FROM trace_request WHERE retail_dealer_id = ? "
					+ "AND firearm_id <> ? AND time_to_crime_days IS NOT NULL AND time_to_crime_days < ? "
					+ "AND state IN ('ANSWERED', 'CLOSED')")
			.params(dealerId, exceptFirearm, days)
			.query(Long.class)
			.single();
	}

	private static boolean isFinding(RegistryEvent fact) {
		return fact instanceof FirearmSeized || fact instanceof FirearmRecovered
				|| fact instanceof FirearmFoundAfterDestruction;
	}

}
