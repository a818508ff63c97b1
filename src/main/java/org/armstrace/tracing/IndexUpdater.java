package org.armstrace.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.Names;
import org.armstrace.registry.Marking;
import org.armstrace.registry.MarkingKind;
import org.armstrace.registry.RegistryEvent;
import org.armstrace.registry.RegistryEvent.FirearmConverted;
import org.armstrace.registry.RegistryEvent.FirearmImported;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.armstrace.registry.RegistryEvent.LegacyValueStandardised;
import org.armstrace.registry.RegistryEvent.PartFitted;
import org.armstrace.registry.RegistryEvent.PartManufactured;
import org.armstrace.registry.RegistryEvent.PartRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the candidate index from the ledger: every second it applies the entries after
 * the last one it indexed (at start, all it missed while stopped). What it indexes is
 * what identifies a firearm or a marked part: its markings, make, model, calibre, type,
 * country and year, and the firearm a part is fitted to; current status and holder are
 * read from the registry when a trace runs.
 */
@Component
class IndexUpdater {

	private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);

	private static final int PAGE = 5_000;

	private final Ledger ledger;

	private final FirearmIndex index;

	private final Catalogue catalogue;

	private final JsonMapper json;

	/**
	 * False for one-off command-line jobs (import, verify …): the server catches the
	 * index up when it starts.
	 */
	private final boolean regularly;

	/** The most entries the index may be behind for the instance to be ready. */
	private final long readyWithin;

	IndexUpdater(Ledger ledger, FirearmIndex index, Catalogue catalogue, JsonMapper json,
			@Value("${armstrace.tracing.index-updates:true}") boolean regularly,
			@Value("${armstrace.tracing.index-ready-within:1000}") long readyWithin) {
		this.regularly = regularly;
		this.readyWithin = readyWithin;
		this.ledger = ledger;
		this.index = index;
		this.catalogue = catalogue;
		this.json = json;
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${armstrace.tracing.index-poll:1s}")
	void catchUpRegularly() {
		if (!regularly) {
			return;
		}
		try {
			catchUp();
		}
		catch (RuntimeException e) {
			log.error("The firearm index could not catch up with the ledger", e);
		}
	}

	/**
	 * Applies every ledger entry after the last indexed one; returns how many entries it
	 * read.
	 */
	synchronized long catchUp() {
		if (!index.writable()) {
			return 0;
		}
		long next = index.lastSeq() + 1;
		long read = 0;
		List<LedgerEntry> page;
		do {
			page = ledger.entriesFrom(next, PAGE);
			for (LedgerEntry entry : page) {
				apply(entry);
				next = entry.seq() + 1;
			}
			read += page.size();
			if (!page.isEmpty()) {
				index.commit(next - 1);
				pending.clear();
			}
		}
		while (page.size() == PAGE);
		return read;
	}

	/**
	 * How many committed ledger entries the index has not applied yet (0 when current; a
	 * command-line job reading a server's index counts from what that server committed).
	 */
	long behind() {
		return Math.max(0, ledger.size() - (index.lastSeq() + 1));
	}

	/**
	 * Whether the index is close enough to the ledger to search
	 * ({@code armstrace.tracing.index-ready-within} entries at most).
	 */
	boolean caughtUp() {
		return behind() <= readyWithin;
	}

	long readyWithin() {
		return readyWithin;
	}

	/** Rebuilds the index from the whole ledger. */
	synchronized long rebuild() {
		if (!index.writable()) {
			throw new IllegalStateException("the firearm index is held by a running server: stop it to rebuild");
		}
		index.clear();
		return catchUp();
	}

	private void apply(LedgerEntry entry) {
		Class<? extends RegistryEvent> type = RegistryEvent.TYPES.get(entry.type());
		if (type == null || !(type == FirearmManufactured.class || type == LegacyFirearmImported.class
				|| type == FirearmConverted.class || type == FirearmImported.class || type == PartManufactured.class
				|| type == PartFitted.class || type == PartRemoved.class || type == LegacyValueStandardised.class)) {
			return;
		}
		RegistryEvent event;
		try {
			event = EventTypes.read(json, entry, type);
		}
		catch (RuntimeException unreadable) {
			// a tampered entry must not stop the index: verify names it
			log.warn("Ledger entry {} cannot be read as {}: left out of the firearm index ({})", entry.seq(),
					entry.type(), unreadable.getMessage());
			return;
		}
		switch (event) {
			case FirearmManufactured m -> put(new IndexedRecord(m.firearmId().toString(), m.recordNumber(),
					m.legacyReference(), m.serial(), m.make(), makeKey(m.make()), m.model(), m.calibre(),
					m.firearmType().name(), m.countryOfManufacture(), m.year(), null,
					m.markings() == null ? List.of()
							: m.markings()
								.stream()
								.filter(k -> k.kind() == MarkingKind.IMPORT)
								.map(Marking::text)
								.toList()));
			case LegacyFirearmImported l -> put(new IndexedRecord(l.firearmId().toString(), l.recordNumber(),
					l.legacyReference(), l.serial(), l.make(), makeKey(l.make()), l.model(), l.calibre(),
					l.firearmType().name(), l.countryOfManufacture(), l.year(), null, List.of()));
			case PartManufactured p -> put(new IndexedRecord(p.partId().toString(),
					"PART-" + p.partId().toString().substring(0, 8).toUpperCase(), null, p.serial(), p.make(),
					makeKey(p.make()), null, p.calibre(), null, p.countryOfManufacture(), null, null, List.of(),
					p.kind().name(), null));
			case PartFitted p ->
				indexed(p.partId().toString()).ifPresent(f -> put(f.withFittedTo(p.firearmId().toString())));
			case PartRemoved p -> indexed(p.partId().toString()).ifPresent(f -> put(f.withFittedTo(null)));
			case FirearmConverted c ->
				indexed(c.firearmId().toString()).ifPresent(f -> put(f.withType(c.newType().name())));
			case FirearmImported i when i.importMarking() != null ->
				indexed(i.firearmId().toString()).ifPresent(f -> put(f.withImportMarking(i.importMarking().text())));
			case LegacyValueStandardised r -> indexed(r.firearmId().toString()).ifPresent(f -> put(read(f, r)));
			default -> {
			}
		}
	}

	/**
	 * A legacy value as an officer read it (data-quality queue): the record is found by
	 * what the value stands for. A make keeps its text as written and is keyed by the
	 * approved name; the other fields take the reading (the registry's column names).
	 */
	private IndexedRecord read(IndexedRecord f, LegacyValueStandardised r) {
		String value = r.value();
		return switch (r.field()) {
			case "make" -> f.withReading(makeKey(value), f.calibre(), f.type(), f.country(), f.year());
			case "calibre" -> f.withReading(f.makeKey(), value, f.type(), f.country(), f.year());
			case "type" -> f.withReading(f.makeKey(), f.calibre(), value, f.country(), f.year());
			case "country_of_manufacture" -> f.withReading(f.makeKey(), f.calibre(), f.type(), value, f.year());
			case "year" -> f.withReading(f.makeKey(), f.calibre(), f.type(), f.country(), year(value, f.year()));
			default -> f;
		};
	}

	private static Integer year(String value, Integer otherwise) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException notAYear) {
			return otherwise;
		}
	}

	/**
	 * Firearms put since the last commit: searches do not see them yet, later entries of
	 * the page may.
	 */
	private final Map<String, IndexedRecord> pending = new HashMap<>();

	private void put(IndexedRecord firearm) {
		pending.put(firearm.id(), firearm);
		index.put(firearm);
	}

	private Optional<IndexedRecord> indexed(String id) {
		IndexedRecord put = pending.get(id);
		return put != null ? Optional.of(put) : index.get(id);
	}

	/**
	 * Makes meet under their catalogue name, so "S&W" on record and "Smith and Wesson"
	 * observed agree.
	 */
	String makeKey(String make) {
		return Names.makerKey(catalogue.canonical(Catalogue.Kind.MAKE, make).orElse(make));
	}

}
