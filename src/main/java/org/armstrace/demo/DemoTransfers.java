package org.armstrace.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.transfers.GeneratedTransfers;
import org.armstrace.transfers.LineKind;
import org.armstrace.transfers.RiskCriterion;
import org.armstrace.transfers.TransferKind;
import org.armstrace.transfers.TransfersEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's international transfers: a few hundred export, import and transit
 * authorisations of parts and ammunition by the demo's makers and dealers, most granted
 * in the order of consent and shipped, a few refused or pending; some consignments
 * received short, some whose receipt is overdue, and imports quoting an export their
 * State never notified, so that the alerts are not empty. Same seed, same transfers.
 */
@Component
class DemoTransfers {

	private static final Logger log = LoggerFactory.getLogger(DemoTransfers.class);

	static final String ACTOR = "system:demo-transfers";

	static final int AUTHORISATIONS = 300;

	private static final int BATCH = 500;

	private static final List<String> PARTNERS = List.of("SRB", "MKD", "BIH", "MNE", "ALB", "CHE", "NOR", "USA", "CAN",
			"BRA", "ZAF", "KEN", "IND", "PHL", "MEX", "CHL", "AUS", "JPN");

	private static final List<String> TRANSIT = List.of("HUN", "SVN", "HRV", "DEU", "ITA", "NLD", "BEL", "FRA");

	private static final List<String> CALIBRES = List.of("9x19mm", ".22 LR", "5.56x45mm", "7.62x39mm", ".308 Win",
			"12 gauge");

	private static final List<String> PARTS = List.of("BARREL", "SLIDE", "FRAME", "BOLT", "RECEIVER");

	private final RegistryQueries registry;

	private final GeneratedTransfers generated;

	private final FillStop stop;

	DemoTransfers(RegistryQueries registry, GeneratedTransfers generated, FillStop stop) {
		this.stop = stop;
		this.registry = registry;
		this.generated = generated;
	}

	/**
	 * Generates the transfers, leaving out the first {@code written} events (on the
	 * ledger from an interrupted fill).
	 */
	long generate(long seed, String country, long written) {
		List<UUID> traders = registry.holdings()
			.stream()
			.filter(h -> h.role() == HolderRole.MANUFACTURER || h.role() == HolderRole.DEALER)
			.map(RegistryQueries.Holding::holderId)
			.distinct()
			.toList();
		if (traders.isEmpty()) {
			return 0;
		}
		Random random = new Random(seed ^ 0x7A45);
		LocalDate today = LocalDate.now();
		List<TransfersEvent> events = new ArrayList<>();
		for (int n = 1; n <= AUTHORISATIONS; n++) {
			events.addAll(authorisation(n, seed, country, traders.get(random.nextInt(traders.size())), today, random));
		}
		long skipped = Math.min(written, events.size());
		List<TransfersEvent> toWrite = events.subList((int) skipped, events.size());
		long recorded = 0;
		for (int from = 0; from < toWrite.size(); from += BATCH) {
			stop.check();
			recorded += generated.record(toWrite.subList(from, Math.min(toWrite.size(), from + BATCH)), ACTOR);
		}
		log.info("Demo transfers: {} authorisations, {} ledger entries", AUTHORISATIONS, recorded);
		return recorded;
	}

	private static List<TransfersEvent> authorisation(int n, long seed, String country, UUID applicant, LocalDate today,
			Random random) {
		int roll = random.nextInt(100);
		TransferKind kind = roll < 70 ? TransferKind.EXPORT : roll < 90 ? TransferKind.IMPORT : TransferKind.TRANSIT;
		String partner = PARTNERS.get(random.nextInt(PARTNERS.size()));
		String from = kind == TransferKind.EXPORT ? country : partner;
		String to = kind == TransferKind.IMPORT ? country : kind == TransferKind.TRANSIT
				? PARTNERS.get((PARTNERS.indexOf(partner) + 1) % PARTNERS.size()) : partner;
		List<String> transit = kind == TransferKind.TRANSIT ? List.of(country)
				: random.nextInt(3) == 0 ? List.of(TRANSIT.get(random.nextInt(TRANSIT.size()))) : List.of();
		UUID id = UUID.nameUUIDFromBytes(("demo-transfer-" + seed + "-" + n).getBytes());
		LocalDate applied = today.minusDays(10 + random.nextInt(400));
		List<TransfersEvent.Line> lines = new ArrayList<>();
		int lineCount = 1 + random.nextInt(3);
		for (int l = 1; l <= lineCount; l++) {
			if (random.nextBoolean()) {
				String calibre = CALIBRES.get(random.nextInt(CALIBRES.size()));
				lines.add(new TransfersEvent.Line(l, LineKind.AMMUNITION, null, null, calibre, "ammunition " + calibre,
						1_000L * (1 + random.nextInt(50))));
			}
			else {
				String part = PARTS.get(random.nextInt(PARTS.size()));
				lines.add(new TransfersEvent.Line(l, LineKind.PART, null, part, null, part.toLowerCase(Locale.ROOT),
						10L * (1 + random.nextInt(20))));
			}
		}
		String foreign = kind == TransferKind.EXPORT ? null : partner + "-EXP-" + (1000 + n);
		List<TransfersEvent> events = new ArrayList<>();
		events.add(
				new TransfersEvent.AuthorisationApplied(id, kind, applicant, "Demo licensing authority", "Demo capital",
						from, to, transit, "Demo recipient " + n, "parts and ammunition for the civilian market", lines,
						foreign, foreign == null ? null : applied.minusDays(15), applied));
		if (kind != TransferKind.EXPORT && random.nextInt(100) >= 15) {
			// most foreign exports were notified; the rest are flagged
			events.add(new TransfersEvent.ForeignExportNoticeRecorded(from, foreign, applied.minusDays(15),
					"notified by " + from));
		}
		int outcome = random.nextInt(100);
		if (outcome < 8) {
			return events;
		}
		if (kind == TransferKind.EXPORT) {
			events.add(new TransfersEvent.ImportAuthorisationRecorded(id, to + "-IMP-" + n, applied.minusDays(5),
					"confirmed with the importing State's ministry"));
			transit.forEach(t -> events
				.add(new TransfersEvent.TransitNoticeRecorded(id, t, t + "-NO-" + n, applied.plusDays(2))));
			events.add(new TransfersEvent.EndUserCertificateRecorded(id, "EUC-" + to + "-" + n, "Demo end user " + n,
					"civilian market", "no re-export without consent", "Demo signatory"));
			events.add(new TransfersEvent.EndUserCertificateVerified(id, to + " ministry", applied.plusDays(3),
					"system:demo"));
			events.add(new TransfersEvent.RiskAssessed(id, outcome < 12 ? List.of(RiskCriterion.DIVERSION) : List.of(),
					null, applied.plusDays(4), "system:demo"));
		}
		if (outcome < 12) {
			events
				.add(new TransfersEvent.AuthorisationRefused(id, "overriding risk of diversion", applied.plusDays(6)));
			return events;
		}
		LocalDate issued = applied.plusDays(7);
		String number = String.format(Locale.ROOT, "%s-%s-%05d", country, kind.name().substring(0, 3), n);
		events.add(new TransfersEvent.AuthorisationGranted(id, number, issued, issued.plusYears(1), null));
		if (kind != TransferKind.EXPORT) {
			return events;
		}
		LocalDate shipped = issued.plusDays(5 + random.nextInt(30));
		if (shipped.isAfter(today)) {
			return events;
		}
		UUID consignment = UUID.nameUUIDFromBytes(("demo-consignment-" + seed + "-" + n).getBytes());
		List<TransfersEvent.LineQuantity> shippedLines = lines.stream()
			.map(l -> new TransfersEvent.LineQuantity(l.lineNo(), l.quantity()))
			.toList();
		events.add(new TransfersEvent.ConsignmentShipped(id, consignment, "CN-" + number, shipped, shipped.plusDays(30),
				shippedLines));
		int receipt = random.nextInt(100);
		if (receipt < 6 && shipped.plusDays(30).isBefore(today)) {
			return events;
		}
		LocalDate received = shipped.plusDays(3 + random.nextInt(20));
		if (received.isAfter(today)) {
			return events;
		}
		boolean arrivedShort = receipt >= 6 && receipt < 10;
		events.add(new TransfersEvent.ReceiptConfirmed(id, consignment, received, to + " customs",
				shippedLines.stream()
					.map(l -> new TransfersEvent.LineQuantity(l.lineNo(),
							arrivedShort && l.lineNo() == 1 ? l.quantity() - 1 - random.nextInt(9) : l.quantity()))
					.toList()));
		return events;
	}

}
