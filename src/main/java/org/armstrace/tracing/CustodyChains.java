package org.armstrace.tracing;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryEvent;
import org.armstrace.registry.RegistryEvent.FirearmDeactivated;
import org.armstrace.registry.RegistryEvent.FirearmDestroyed;
import org.armstrace.registry.RegistryEvent.FirearmExported;
import org.armstrace.registry.RegistryEvent.FirearmFoundAfterDestruction;
import org.armstrace.registry.RegistryEvent.FirearmImported;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryEvent.FirearmRecovered;
import org.armstrace.registry.RegistryEvent.FirearmReportedLost;
import org.armstrace.registry.RegistryEvent.FirearmReportedStolen;
import org.armstrace.registry.RegistryEvent.FirearmSeized;
import org.armstrace.registry.RegistryEvent.FirearmTransferred;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.FirearmView;
import org.armstrace.registry.RegistryQueries.HolderView;
import org.armstrace.registry.RegistryQueries.TimelineEvent;
import org.armstrace.tracing.CustodyChain.ChainEvent;
import org.armstrace.tracing.CustodyChain.Flag;
import org.armstrace.tracing.CustodyChain.FlagKind;
import org.armstrace.tracing.CustodyChain.LegalHolder;
import org.armstrace.tracing.CustodyChain.RetailSale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a firearm's timeline as a chain of custody. The legal chain is every fact before the firearm was last
 * found (seized, recovered, found after destruction) or, when it has not been found on the record, every fact;
 * its last fact is the point of diversion.
 */
@Service
public class CustodyChains {

	private final RegistryQueries registry;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Period shortTimeToCrime;

	private final int dealerShortTraces;

	CustodyChains(RegistryQueries registry, JsonMapper json, JdbcClient jdbc,
			@Value("${armstrace.tracing.short-time-to-crime:P3Y}") Period shortTimeToCrime,
			@Value("${armstrace.tracing.dealer-short-time-to-crime-traces:3}") int dealerShortTraces) {
		this.registry = registry;
		this.json = json;
		this.jdbc = jdbc;
		this.shortTimeToCrime = shortTimeToCrime;
		this.dealerShortTraces = dealerShortTraces;
	}

	/**
	 * The chain of a firearm as found on {@code recoveredOn} (null: the date of its last recovery or seizure on
	 * record, else today), compared with what was observed on it (null: no comparison of markings).
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
			if (type != null) {
				facts.add(json.treeToValue(t.event(), type));
				timeline.add(t);
			}
		}
		int lastFound = -1;
		for (int i = 0; i < facts.size(); i++) {
			if (isFinding(facts.get(i))) {
				lastFound = i;
			}
		}
		// the legal chain ends before the last finding; any findings before it were part of the chain's history
		int end = lastFound < 0 ? facts.size() : lastFound;
		while (end > 0 && isFinding(facts.get(end - 1))) {
			end--;
		}
		Map<UUID, HolderView> holders = new HashMap<>();
		List<ChainEvent> events = new ArrayList<>();
		List<LegalHolder> chain = new ArrayList<>();
		RetailSale retail = null;
		boolean missing = false;
		String missingDetail = null;
		boolean exported = false;
		String exportDetail = null;
		boolean destroyed = false;
		boolean deactivated = false;
		for (int i = 0; i < facts.size(); i++) {
			RegistryEvent fact = facts.get(i);
			TimelineEvent t = timeline.get(i);
			boolean legal = i < end;
			events.add(new ChainEvent(t.seq(), t.type(), t.occurredOn(), describe(fact, holders), legal));
			if (!legal) {
				continue;
			}
			LocalDate on = t.occurredOn() != null ? t.occurredOn()
					: t.recordedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
			UUID newHolder = switch (fact) {
				case FirearmManufactured m -> m.holderId();
				case LegacyFirearmImported l -> l.holderId();
				case FirearmImported im -> im.importerId();
				case FirearmTransferred tr -> tr.toHolderId();
				default -> null;
			};
			if (newHolder != null) {
				if (!chain.isEmpty()) {
					LegalHolder last = chain.removeLast();
					chain.add(new LegalHolder(last.holderId(), last.role(), last.country(), last.from(), on,
							last.acquiredBy()));
				}
				HolderView h = holder(newHolder, holders);
				chain.add(new LegalHolder(newHolder, h == null ? null : h.role().name(),
						h == null ? null : h.country(), on, null, t.type()));
			}
			if (fact instanceof FirearmTransferred tr && retail == null && isTrade(holder(tr.fromHolderId(), holders))
					&& !isTrade(holder(tr.toHolderId(), holders))) {
				retail = new RetailSale(tr.fromHolderId(), tr.toHolderId(), on);
			}
			switch (fact) {
				case FirearmReportedLost l -> {
					missing = true;
					missingDetail = "reported lost on " + on;
				}
				case FirearmReportedStolen s -> {
					missing = true;
					missingDetail = "reported stolen on " + on + (s.reportReference() == null ? ""
							: " (report " + s.reportReference() + ")");
				}
				case FirearmRecovered r -> missing = false;
				case FirearmSeized s -> missing = false;
				case FirearmExported x -> {
					exported = true;
					exportDetail = "exported to " + x.toCountry() + " on " + on;
				}
				case FirearmImported im -> exported = false;
				case FirearmDestroyed d -> destroyed = true;
				case FirearmDeactivated d -> deactivated = true;
				default -> {
				}
			}
		}
		LocalDate found = recoveredOn != null ? recoveredOn
				: lastFound >= 0 && timeline.get(lastFound).occurredOn() != null ? timeline.get(lastFound).occurredOn()
						: LocalDate.now();
		Long ttc = retail == null ? null : ChronoUnit.DAYS.between(retail.occurredOn(), found);
		List<Flag> flags = new ArrayList<>();
		if (missing) {
			flags.add(new Flag(FlagKind.LOST_OR_STOLEN, missingDetail + ", not recovered before it was found"));
		}
		if (exported) {
			flags.add(new Flag(FlagKind.RE_ENTRY, exportDetail + " and not re-imported, yet found in the country"));
		}
		if (destroyed) {
			flags.add(new Flag(FlagKind.FOUND_AFTER_DESTRUCTION, "recorded destroyed, yet found"));
		}
		if (deactivated && !destroyed) {
			flags.add(new Flag(FlagKind.FOUND_AFTER_DEACTIVATION, "recorded deactivated, yet found: check for "
					+ "reactivation"));
		}
		if (observed != null) {
			flags.addAll(markingFlags(firearm, observed));
		}
		if (ttc != null && ttc >= 0 && !found.isAfter(retail.occurredOn().plus(shortTimeToCrime).minusDays(1))) {
			flags.add(new Flag(FlagKind.SHORT_TIME_TO_CRIME, ttc + " days from first retail sale to recovery (limit "
					+ shortTimeToCrime + ")"));
		}
		if (retail != null) {
			long shortTraces = shortTracesOf(retail.dealerId(), firearm.id());
			boolean thisOneShort = ttc != null && ttc >= 0
					&& !found.isAfter(retail.occurredOn().plus(shortTimeToCrime).minusDays(1));
			long total = shortTraces + (thisOneShort ? 1 : 0);
			if (total >= dealerShortTraces) {
				flags.add(new Flag(FlagKind.DEALER_WITH_MANY_SHORT_TIME_TO_CRIME_TRACES, "the selling dealer has "
						+ total + " traces with a time-to-crime under " + shortTimeToCrime + " (threshold "
						+ dealerShortTraces + ")"));
			}
		}
		List<ChainEvent> legalEvents = events.stream().filter(ChainEvent::legal).toList();
		return new CustodyChain(firearm.id(), firearm.recordNumber(), List.copyOf(chain), List.copyOf(events),
				chain.isEmpty() ? null : chain.getLast(), legalEvents.isEmpty() ? null : legalEvents.getLast(),
				retail, found, ttc, List.copyOf(flags));
	}

	private List<Flag> markingFlags(FirearmView firearm, ObservedMarkings observed) {
		List<Flag> flags = new ArrayList<>();
		if (observed.serial() != null && !observed.serial().isBlank()) {
			String seen = SerialForms.normalise(observed.serial());
			SerialAlignment.Fit fit = SerialAlignment.align(seen, SerialForms.normalise(firearm.serial()));
			if (fit.unreadable() > 0 || fit.run() || fit.missingEdges() > 0) {
				flags.add(new Flag(FlagKind.MARKING_OBLITERATED, "serial observed as '" + observed.serial()
						+ "', recorded '" + firearm.serial() + "': " + (fit.unreadable() + fit.missingEdges())
						+ " character(s) unreadable or missing" + (fit.run() ? ", and an unreadable run" : "")));
			}
			if (fit.differences() > 0) {
				flags.add(new Flag(FlagKind.MARKING_ALTERED, "serial observed as '" + observed.serial()
						+ "', recorded '" + firearm.serial() + "': " + fit.differences()
						+ " character(s) differ beyond a misreading"));
			}
		}
		return flags;
	}

	/** Answered traces of other firearms first sold at retail by this dealer with a short time-to-crime. */
	private long shortTracesOf(UUID dealerId, UUID exceptFirearm) {
		long days = shortTimeToCrime.toTotalMonths() * 30 + shortTimeToCrime.getDays();
		return jdbc.sql("SELECT COUNT(DISTINCT firearm_id) FROM trace_request WHERE retail_dealer_id = ? "
				+ "AND firearm_id <> ? AND time_to_crime_days IS NOT NULL AND time_to_crime_days < ? "
				+ "AND state IN ('ANSWERED', 'CLOSED')").params(dealerId, exceptFirearm, days).query(Long.class)
			.single();
	}

	private static boolean isFinding(RegistryEvent fact) {
		return fact instanceof FirearmSeized || fact instanceof FirearmRecovered
				|| fact instanceof FirearmFoundAfterDestruction;
	}

	private static final Set<HolderRole> TRADE = EnumSet.of(HolderRole.DEALER, HolderRole.MANUFACTURER,
			HolderRole.BROKER);

	private static boolean isTrade(HolderView holder) {
		return holder != null && TRADE.contains(holder.role());
	}

	private HolderView holder(UUID id, Map<UUID, HolderView> seen) {
		if (id == null) {
			return null;
		}
		return seen.computeIfAbsent(id, k -> registry.holder(k).orElse(null));
	}

	private String describe(RegistryEvent fact, Map<UUID, HolderView> holders) {
		return switch (fact) {
			case FirearmManufactured m -> "manufactured by " + m.make() + " in " + m.countryOfManufacture()
					+ (m.holderId() == null ? "" : ", held by " + who(m.holderId(), holders));
			case LegacyFirearmImported l -> "taken over from the legacy register (" + l.legacyReference() + ", "
					+ l.legacyStatus() + ")" + (l.holderId() == null ? "" : ", held by " + who(l.holderId(), holders));
			case FirearmImported im -> "imported from " + im.fromCountry() + " by " + who(im.importerId(), holders);
			case FirearmExported x -> "exported to " + x.toCountry()
					+ (x.transitCountries() == null || x.transitCountries().isEmpty() ? ""
							: " through " + String.join(", ", x.transitCountries()));
			case FirearmTransferred tr -> (isTrade(holder(tr.fromHolderId(), holders)) ? "sold by " : "transferred by ")
					+ who(tr.fromHolderId(), holders) + " to " + who(tr.toHolderId(), holders);
			case FirearmReportedLost l -> "reported lost by " + who(l.reportedBy(), holders);
			case FirearmReportedStolen s -> "reported stolen by " + who(s.reportedBy(), holders);
			case FirearmRecovered r -> "recovered by " + r.authority();
			case FirearmSeized s -> "seized by " + s.authority() + (s.caseReference() == null ? ""
					: " (case " + s.caseReference() + ")");
			case FirearmDeactivated d -> "deactivated (certificate " + d.certificateNumber() + ")";
			case FirearmDestroyed d -> "destroyed (" + d.method() + ")";
			case FirearmFoundAfterDestruction f -> "found after destruction by " + f.authority();
			default -> RegistryEvent.typeOf(fact.getClass()).substring("registry.".length()).replace('-', ' ');
		};
	}

	/** A holder as the chain names them: role and record id, never a name (answers are frozen on the ledger). */
	private String who(UUID id, Map<UUID, HolderView> holders) {
		if (id == null) {
			return "an unrecorded holder";
		}
		HolderView h = holder(id, holders);
		return (h == null ? "holder" : h.role().name().toLowerCase().replace('_', ' ')) + " " + id;
	}

}
