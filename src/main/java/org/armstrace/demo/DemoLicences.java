package org.armstrace.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.armstrace.licensing.Coverage;
import org.armstrace.licensing.GeneratedLicences;
import org.armstrace.licensing.LicenceKind;
import org.armstrace.licensing.LicensingEvent;
import org.armstrace.reference.FirearmCategories;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryQueries.Holding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Licences consistent with the demo registry's holdings: every holder gets the licence
 * its role needs, covering the categories it holds (a private owner with room for two
 * more of each); a few are suspended or revoked with firearms still held, a few end
 * within 60 days, so that the recovery and renewal lists are not empty.
 */
@Service
class DemoLicences {

	private static final Logger log = LoggerFactory.getLogger(DemoLicences.class);

	static final String ACTOR = "system:demo-licences";

	private static final int BATCH = 5_000;

	private final RegistryQueries registry;

	private final GeneratedLicences generated;

	private final FillStop stop;

	DemoLicences(RegistryQueries registry, GeneratedLicences generated, FillStop stop) {
		this.stop = stop;
		this.registry = registry;
		this.generated = generated;
	}

	/**
	 * Generates the licences, leaving out the first {@code written} events (on the ledger
	 * from an interrupted fill).
	 */
	long generate(long seed, String country, long written) {
		Random random = new Random(seed ^ 0x11CE);
		Map<UUID, List<Holding>> byHolder = new LinkedHashMap<>();
		registry.holdings().forEach(h -> byHolder.computeIfAbsent(h.holderId(), id -> new ArrayList<>()).add(h));
		List<LicensingEvent> events = new ArrayList<>();
		LocalDate today = LocalDate.now();
		int n = 0;
		for (List<Holding> holdings : byHolder.values()) {
			licence(holdings, country, ++n, today, random).forEach(events::add);
		}
		long skipped = Math.min(written, events.size());
		List<LicensingEvent> toWrite = events.subList((int) skipped, events.size());
		long recorded = 0;
		for (int from = 0; from < toWrite.size(); from += BATCH) {
			stop.check();
			recorded += generated.record(toWrite.subList(from, Math.min(toWrite.size(), from + BATCH)), ACTOR);
		}
		log.info("Demo licences: {} licences for {} holders, {} ledger entries", n, byHolder.size(), recorded);
		return recorded;
	}

	private static List<LicensingEvent> licence(List<Holding> holdings, String country, int n, LocalDate today,
			Random random) {
		Holding first = holdings.getFirst();
		LicenceKind kind = switch (first.role()) {
			case PRIVATE_OWNER -> LicenceKind.POSSESSION;
			case DEALER -> LicenceKind.DEALER;
			case MANUFACTURER -> LicenceKind.MANUFACTURER;
			case BROKER -> LicenceKind.BROKER;
			case STATE_AGENCY -> LicenceKind.STATE_AGENCY;
		};
		boolean limited = first.role() == HolderRole.PRIVATE_OWNER;
		List<Coverage> coverage = new ArrayList<>();
		for (Holding h : holdings) {
			if (h.category() != null && !FirearmCategories.UNCLASSIFIED.equals(h.category())) {
				coverage.add(new Coverage(h.category(), limited ? (int) h.held() + 2 : null));
			}
		}
		if (coverage.isEmpty()) {
			coverage.add(new Coverage(limited ? "C" : "B", limited ? 2 : null));
		}
		UUID id = UUID.nameUUIDFromBytes(("demo-licence-" + first.holderId()).getBytes());
		LocalDate issued = today.minusDays(30 + random.nextInt(1_800));
		int roll = random.nextInt(100);
		LocalDate validUntil = roll < 4 ? today.plusDays(1 + random.nextInt(59)) : issued.plusYears(5).plusDays(60);
		String number = String.format(Locale.ROOT, "%s-%s-%06d", country, kind.name().substring(0, 3), n);
		List<LicensingEvent> events = new ArrayList<>(List.of(
				new LicensingEvent.LicenceApplied(id, first.holderId(), kind, "Demo licensing authority", coverage,
						null, random.nextInt(10) < 8, issued.minusDays(20)),
				new LicensingEvent.LicenceGranted(id, number, issued, validUntil)));
		if (roll >= 4 && roll < 6 && limited) {
			events.add(new LicensingEvent.LicenceSuspended(id, "court order pending a trial", "CO-DEMO-" + n,
					today.minusDays(random.nextInt(60))));
		}
		else if (roll == 6 && limited) {
			events.add(new LicensingEvent.LicenceRevoked(id, "conviction for a violent offence",
					today.minusDays(random.nextInt(120))));
		}
		return events;
	}

}
