package org.armstrace.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.licensing.LicenceKind;
import org.armstrace.licensing.LicenceQueries;
import org.armstrace.licensing.LicenceState;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.HoldingRegisters;
import org.armstrace.registry.HoldingRegisters.HandgunAcquisition;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestQueries.FirearmTraces;
import org.springframework.stereotype.Service;

/**
 * Cross-checks of dealers, buyers and licences against the traces (after ATF's Demand 2
 * and multiple-sale reports): retail dealers with many short time-to-crime traces,
 * holders acquiring several handguns within a few days, and licences whose holders'
 * firearms are traced repeatedly, each over the last {@code window-years}, with the
 * thresholds of {@link AnalyticsProperties}. Holders are named by role and id only.
 */
@Service
public class CrossChecks {

	/** A retail dealer's answered traces, and how many had a short time to crime. */
	public record DealerCase(UUID dealerId, long traces, long shortTraces) {
	}

	/** Handguns a holder acquired within the window of days, the most found at once. */
	public record MultipleSale(UUID holderId, HolderRole role, int handguns, LocalDate firstOn, LocalDate lastOn,
			List<String> recordNumbers) {
	}

	/** A licence whose holder's firearms were named by {@code traces} trace requests. */
	public record LicenceCase(UUID licenceId, String number, UUID holderId, LicenceKind kind, LicenceState state,
			long traces, int firearms) {
	}

	private final TraceRequestQueries traces;

	private final HoldingRegisters registers;

	private final RegistryQueries registry;

	private final LicenceQueries licences;

	private final AnalyticsProperties properties;

	CrossChecks(TraceRequestQueries traces, HoldingRegisters registers, RegistryQueries registry,
			LicenceQueries licences, AnalyticsProperties properties) {
		this.traces = traces;
		this.registers = registers;
		this.registry = registry;
		this.licences = licences;
		this.properties = properties;
	}

	/** Retail dealers at or over the threshold of short traces, the most first. */
	public List<DealerCase> dealers(LocalDate today) {
		return traces.tracesByRetailDealer(since(today), properties.shortTimeToCrimeDays())
			.stream()
			.filter(d -> d.shortTraces() >= properties.dealerShortTraces())
			.map(d -> new DealerCase(d.dealerId(), d.traces(), d.shortTraces()))
			.sorted(Comparator.comparingLong(DealerCase::shortTraces)
				.thenComparingLong(DealerCase::traces)
				.reversed()
				.thenComparing(DealerCase::dealerId))
			.toList();
	}

	/**
	 * Holders who acquired at least {@code multiple-sale-handguns} handguns within
	 * {@code multiple-sale-days} consecutive days (the last at most that many days less
	 * one after the first), each with the most handguns of any such window, the most
	 * first.
	 */
	public List<MultipleSale> multipleSales(LocalDate today) {
		Map<UUID, List<HandgunAcquisition>> byHolder = new LinkedHashMap<>();
		registers.handgunAcquisitions(since(today))
			.forEach(a -> byHolder.computeIfAbsent(a.holderId(), id -> new ArrayList<>()).add(a));
		List<MultipleSale> found = new ArrayList<>();
		byHolder.values().forEach(acquisitions -> {
			MultipleSale best = null;
			int end = 0;
			for (int start = 0; start < acquisitions.size(); start++) {
				LocalDate last = acquisitions.get(start).occurredOn().plusDays(properties.multipleSaleDays() - 1);
				end = Math.max(end, start);
				while (end < acquisitions.size() && !acquisitions.get(end).occurredOn().isAfter(last)) {
					end++;
				}
				if (end - start >= properties.multipleSaleHandguns()
						&& (best == null || end - start > best.handguns())) {
					List<HandgunAcquisition> window = acquisitions.subList(start, end);
					best = new MultipleSale(window.getFirst().holderId(), window.getFirst().holderRole(), window.size(),
							window.getFirst().occurredOn(), window.getLast().occurredOn(),
							window.stream().map(HandgunAcquisition::recordNumber).toList());
				}
			}
			if (best != null) {
				found.add(best);
			}
		});
		found.sort(Comparator.comparingInt(MultipleSale::handguns)
			.reversed()
			.thenComparing(MultipleSale::lastOn, Comparator.reverseOrder())
			.thenComparing(MultipleSale::holderId));
		return found;
	}

	/**
	 * Licences of holders whose firearms (on record as theirs) were named by at least
	 * {@code licence-traces} trace requests, the most traced first.
	 */
	public List<LicenceCase> licences(LocalDate today) {
		List<FirearmTraces> traced = traces.tracesByFirearm(since(today));
		Map<UUID, UUID> holders = registry.holdersOf(traced.stream().map(FirearmTraces::firearmId).toList());
		Map<UUID, long[]> byHolder = new HashMap<>();
		for (FirearmTraces t : traced) {
			UUID holder = holders.get(t.firearmId());
			if (holder != null) {
				long[] counts = byHolder.computeIfAbsent(holder, h -> new long[2]);
				counts[0] += t.traces();
				counts[1]++;
			}
		}
		List<LicenceCase> found = new ArrayList<>();
		byHolder.forEach((holder, counts) -> {
			if (counts[0] >= properties.licenceTraces()) {
				licences.ofHolder(holder)
					.forEach(l -> found.add(new LicenceCase(l.id(), l.number(), holder, l.kind(), l.state(), counts[0],
							(int) counts[1])));
			}
		});
		found.sort(Comparator.comparingLong(LicenceCase::traces)
			.reversed()
			.thenComparing(l -> l.number() == null ? "" : l.number()));
		return found;
	}

	private LocalDate since(LocalDate today) {
		return today.minusYears(properties.windowYears());
	}

}
