package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.armstrace.command.Checks;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.Countries;
import org.armstrace.registry.LegacyRows.Row;
import org.armstrace.registry.RegistryEvent.AsWritten;

/**
 * Reads the values of legacy rows as ArmsTrace's: countries through {@link Countries},
 * makes and calibres through the {@link Catalogue}, types, statuses and years through
 * {@link LegacyValues}. A value it cannot read is kept as written, with a stand-in on the
 * record; a likely misspelling is read, and kept too for an officer to confirm. One per
 * import: it remembers what each distinct text read as.
 */
final class LegacyMapping {

	/** The country a record holds while its country as written awaits an officer. */
	static final String UNKNOWN_COUNTRY = "XXX";

	/**
	 * The confidence from which a likely misspelling is read (and queued for an officer
	 * to confirm); below it, what it resembles is only suggested: one edit in 5
	 * characters is read, two in 9 ("Ruritania", "Mauritania") are not.
	 */
	static final int READ_FROM = 80;

	/**
	 * What registers write for "no value": never read as a value ("n/a" is not Namibia's
	 * NA, "?" resembles nothing), kept as written like any unread value.
	 */
	private static final Set<String> NOT_GIVEN = Set.of("n/a", "n.a.", "n/d", "n.d.", "s/d", "s.d.", "unknown", "unk",
			"not known", "none", "nil", "null", "-", "--", "?", "??", "???", "desconocido", "desconocida", "sin dato",
			"sin datos", "no consta", "inconnu", "inconnue", "non connu", "unbekannt");

	/** Distinct texts remembered; a file with more starts over (it only costs time). */
	private static final int REMEMBERED = 50_000;

	/**
	 * A row read: the values for the record, those kept as written, and how many of its
	 * values were read without an officer (exactly or as a likely misspelling).
	 */
	record Reading(FirearmType type, FirearmStatus status, String country, Integer year, List<AsWritten> kept,
			int values, int read, int lowConfidence) {
	}

	/** A text read: the value and its confidence in percent (0: not read). */
	private record Read(String value, int confidence) {

		static final Read NONE = new Read(null, 0);

		boolean read() {
			return value != null && confidence >= READ_FROM;
		}

	}

	private final Countries countries;

	private final Catalogue catalogue;

	private final Map<String, Read> remembered = new HashMap<>();

	/** What officers read texts as before, by column and text: read first. */
	private final Map<String, String> approved;

	LegacyMapping(Countries countries, Catalogue catalogue, Map<String, String> approved) {
		this.countries = countries;
		this.catalogue = catalogue;
		this.approved = approved;
	}

	Reading read(Row row) {
		Tally tally = new Tally();
		tally.count(LegacyField.MAKE, row.get("make"), t -> catalogue(Catalogue.Kind.MAKE, t));
		tally.count(LegacyField.CALIBRE, row.get("calibre"), t -> catalogue(Catalogue.Kind.CALIBRE, t));
		Read type = tally.keep(LegacyField.TYPE, row.get("type"),
				t -> LegacyValues.type(t).map(v -> new Read(v.name(), 100)).orElse(Read.NONE), true);
		Read country = tally.keep(LegacyField.COUNTRY, row.get("country_of_manufacture"), this::country, true);
		Read year = tally.keep(LegacyField.YEAR, row.get("year"),
				t -> LegacyValues.year(t)
					.filter(LegacyMapping::plausible)
					.map(y -> new Read(y.toString(), 100))
					.orElse(Read.NONE),
				false);
		Read status = tally.keep(LegacyField.STATUS, row.get("status"),
				t -> LegacyValues.status(t).map(v -> new Read(v.name(), 100)).orElse(Read.NONE), false);
		return new Reading(type.read() ? FirearmType.valueOf(type.value()) : FirearmType.OTHER,
				status.read() ? FirearmStatus.valueOf(status.value()) : FirearmStatus.ACTIVE,
				country.read() ? country.value() : UNKNOWN_COUNTRY, year.read() ? Integer.valueOf(year.value()) : null,
				tally.kept, tally.values, tally.read, tally.lowConfidence);
	}

	private static boolean plausible(int year) {
		return year >= Checks.FIRST_YEAR && year <= LocalDate.now().getYear() + 1;
	}

	private Read catalogue(Catalogue.Kind kind, String text) {
		return catalogue.match(kind, text).map(m -> new Read(m.name(), m.confidence())).orElse(Read.NONE);
	}

	private Read country(String text) {
		return countries.match(text).map(m -> new Read(m.code(), m.confidence())).orElse(Read.NONE);
	}

	private Read remembered(LegacyField field, String text, Function<String, Read> reader) {
		if (remembered.size() > REMEMBERED) {
			remembered.clear();
		}
		return remembered.computeIfAbsent(field.column + "|" + text, k -> {
			String reading = approved.get(k);
			return reading != null ? new Read(reading, 100) : reader.apply(text);
		});
	}

	/** What one row's values read as, counted. */
	private final class Tally {

		final List<AsWritten> kept = new ArrayList<>();

		int values;

		int read;

		int lowConfidence;

		/** Counts a value the record keeps as written whatever it reads as. */
		Read count(LegacyField field, String text, Function<String, Read> reader) {
			if (text == null) {
				return Read.NONE;
			}
			Read found = NOT_GIVEN.contains(text.toLowerCase(Locale.ROOT)) ? Read.NONE
					: remembered(field, text, reader);
			values++;
			read += found.read() ? 1 : 0;
			lowConfidence += found.read() && found.confidence() < 100 ? 1 : 0;
			return found;
		}

		/**
		 * Counts a value the record holds as a code, and keeps its text when it is not
		 * read for certain; an empty value is kept too when {@code required}.
		 */
		Read keep(LegacyField field, String text, Function<String, Read> reader, boolean required) {
			if (text == null) {
				if (required) {
					kept.add(new AsWritten(field.column, "", null, 0));
				}
				return Read.NONE;
			}
			Read found = count(field, text, reader);
			if (found.confidence() < 100) {
				kept.add(new AsWritten(field.column, text, found.value(), found.confidence()));
			}
			return found;
		}

	}

	static Optional<String> standardForm(LegacyField field, String text, Countries countries, Catalogue catalogue) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		return switch (field) {
			case MAKE -> catalogue.canonical(Catalogue.Kind.MAKE, text);
			case CALIBRE -> catalogue.canonical(Catalogue.Kind.CALIBRE, text);
			case TYPE -> LegacyValues.type(text).map(Enum::name);
			case COUNTRY -> countries.code(text);
			case YEAR -> LegacyValues.year(text).filter(LegacyMapping::plausible).map(String::valueOf);
			case STATUS -> LegacyValues.status(text).map(Enum::name);
		};
	}

}
