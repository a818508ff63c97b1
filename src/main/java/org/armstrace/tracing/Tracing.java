package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.armstrace.command.Bounds;
import org.armstrace.command.Checks;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.Countries;
import org.armstrace.reference.Names;
import org.springframework.stereotype.Service;

/**
 * Matches observed markings against the registry: candidates from the index, ranked by
 * our own scoring, each with its explanation. Equal fits get equal scores and are marked
 * as ties, never ordered by accident.
 */
@Service
public class Tracing {

	/**
	 * Each attribute that disagrees with the observation costs this share of the score.
	 */
	static final double DISAGREEING_ATTRIBUTE = 0.15;

	/** Scores closer than this are equal: the candidates are a tie. */
	public static final double TIE = 1e-9;

	private final FirearmIndex index;

	private final IndexUpdater updater;

	private final Catalogue catalogue;

	private final Bounds bounds;

	private final Countries countries;

	Tracing(FirearmIndex index, IndexUpdater updater, Catalogue catalogue, Countries countries, Bounds bounds) {
		this.countries = countries;
		this.bounds = bounds;
		this.index = index;
		this.updater = updater;
		this.catalogue = catalogue;
	}

	/**
	 * Brings the index up to the last committed ledger entry (a trace normally sees it
	 * within a second).
	 */
	public long catchUp() {
		return updater.catchUp();
	}

	/** Rebuilds the candidate index from the whole ledger; returns the entries read. */
	public long rebuildIndex() {
		return updater.rebuild();
	}

	/** The largest number of candidates one search returns. */
	public static final int MAX_LIMIT = 100;

	/**
	 * Ranked candidates for what was observed, at most {@code limit}; refused when the
	 * serial has no readable character or the limit is out of range.
	 */
	public Matches match(ObservedMarkings observed, int limit) {
		Checks checks = new Checks().addAll(bounds.of(observed));
		if (checks.failed()) {
			// a bound is checked before any work: a serial of 10,000 characters is never
			// aligned
			return Matches.refused(checks.refusals());
		}
		String serial = observed == null ? "" : SerialForms.normalise(observed.serial());
		checks.rule(!serial.replace("*", "").replace("?", "").isEmpty(), "serial", TracingRule.SerialReadable,
				observed == null ? "" : observed.serial());
		checks.rule(limit >= 1 && limit <= MAX_LIMIT, "limit", TracingRule.LimitIsInRange, MAX_LIMIT, limit);
		if (checks.failed()) {
			return Matches.refused(checks.refusals());
		}
		String makeKey = observedMakeKey(observed.make());
		List<Candidate> ranked = new ArrayList<>();
		Map<String, String> series = new HashMap<>();
		for (IndexedRecord recorded : index.candidates(serial, makeKey)) {
			ranked.add(rank(observed, serial, makeKey, recorded, series));
		}
		ranked.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::recordNumber));
		List<Candidate> shown = new ArrayList<>();
		for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
			Candidate c = ranked.get(i);
			boolean tie = (i > 0 && Math.abs(ranked.get(i - 1).score() - c.score()) < TIE)
					|| (i + 1 < ranked.size() && Math.abs(ranked.get(i + 1).score() - c.score()) < TIE);
			Candidate.Band band = tie && c.band() != Candidate.Band.EXACT ? Candidate.Band.POSSIBLE : c.band();
			List<Reason> why = new ArrayList<>(c.explanation());
			if (tie) {
				why.add(Reason.of(Reason.Code.TIE));
			}
			shown.add(new Candidate(c.firearmId(), c.recordNumber(), c.legacyReference(), c.serial(), c.make(),
					c.model(), c.calibre(), c.type(), c.countryOfManufacture(), c.year(), c.score(), band, tie, why,
					c.partId(), c.partKind()));
		}
		return Matches.found(shown);
	}

	/**
	 * The make as the catalogue knows it, so aliases meet ("S&W" and "Smith & Wesson"); a
	 * misspelling close to exactly one catalogue name is read as that name.
	 */
	String observedMakeKey(String make) {
		if (make == null || make.isBlank()) {
			return null;
		}
		return Names.makerKey(catalogue.closest(Catalogue.Kind.MAKE, make).orElse(make));
	}

	/**
	 * The country as its alpha-3 code when the text names one ("Austria", "aut"); as
	 * written, upper case, on a scratch index (no country names there).
	 */
	private String observedCountry(String country) {
		if (country == null || country.isBlank()) {
			return null;
		}
		return countries == null ? upper(country) : countries.code(country).orElse(upper(country));
	}

	private Candidate rank(ObservedMarkings observed, String serial, String makeKey, IndexedRecord recorded,
			Map<String, String> series) {
		SerialAlignment.Fit fit = SerialAlignment.align(serial, SerialForms.normalise(recorded.serial()));
		List<Reason> why = new ArrayList<>(fit.explanation());
		int disagreements = 0;
		disagreements += attribute(Attribute.MAKE, makeKey, recorded.makeKey(), observed.make(), recorded.make(), why);
		disagreements += attribute(Attribute.CALIBRE, calibreKey(observed.calibre()), calibreKey(recorded.calibre()),
				observed.calibre(), recorded.calibre(), why);
		disagreements += attribute(Attribute.TYPE, upper(observed.type()), recorded.type(), observed.type(),
				recorded.type(), why);
		disagreements += attribute(Attribute.COUNTRY_OF_MANUFACTURE, observedCountry(observed.countryOfManufacture()),
				recorded.country(), observed.countryOfManufacture(), recorded.country(), why);
		if (observed.importMarking() != null && !observed.importMarking().isBlank()
				&& !recorded.importMarkings().isEmpty()) {
			String seen = SerialForms.normalise(observed.importMarking());
			String match = recorded.importMarkings()
				.stream()
				.filter(m -> SerialForms.normalise(m).equals(seen))
				.findFirst()
				.orElse(null);
			why.add(match != null ? Reason.of(Reason.Code.IMPORT_MARKING_AGREES, match)
					: Reason.of(Reason.Code.IMPORT_MARKING_DIFFERS, observed.importMarking(),
							String.join(", ", recorded.importMarkings())));
			disagreements += match != null ? 0 : 1;
		}
		if (recorded.year() != null && (observed.yearFrom() != null || observed.yearTo() != null)) {
			boolean inside = (observed.yearFrom() == null || recorded.year() >= observed.yearFrom())
					&& (observed.yearTo() == null || recorded.year() <= observed.yearTo());
			why.add(Reason.of(inside ? Reason.Code.YEAR_WITHIN : Reason.Code.YEAR_OUTSIDE, recorded.year()));
			disagreements += inside ? 0 : 1;
		}
		double score = fit.score() * Math.pow(1 - DISAGREEING_ATTRIBUTE, disagreements);
		Candidate.Band band = disagreements > 0 ? Candidate.Band.POSSIBLE : fit.exact() ? Candidate.Band.EXACT
				: fit.onlyMisread() ? Candidate.Band.PROBABLE : Candidate.Band.POSSIBLE;
		if (band == Candidate.Band.PROBABLE && fit.transpositions() > 0) {
			String neighbour = series.computeIfAbsent(recorded.makeKey(), key -> index.neighbourInSeries(serial, key));
			if (!neighbour.isEmpty()) {
				// a transposed reading that is itself a serial of a registered series may
				// be an unregistered item
				band = Candidate.Band.POSSIBLE;
				why.add(Reason.of(Reason.Code.IN_REGISTERED_SERIES, neighbour));
			}
		}
		boolean part = recorded.partKind() != null;
		if (part) {
			why.add(Reason.of(
					recorded.fittedTo() == null ? Reason.Code.MARKED_PART_NOT_FITTED : Reason.Code.MARKED_PART_FITTED,
					recorded.partKind()));
		}
		return new Candidate(part ? recorded.fittedTo() : recorded.id(), recorded.recordNumber(),
				recorded.legacyReference(), recorded.serial(), recorded.make(), recorded.model(), recorded.calibre(),
				recorded.type(), recorded.country(), recorded.year(), Math.round(score * 1e6) / 1e6, band, false, why,
				part ? recorded.id() : null, recorded.partKind());
	}

	/** The attributes compared besides the serial; each is a term in the bundles. */
	enum Attribute {

		MAKE, CALIBRE, TYPE, COUNTRY_OF_MANUFACTURE

	}

	private static int attribute(Attribute name, String observedKey, String recordedKey, String observed,
			String recorded, List<Reason> why) {
		if (observedKey == null || observedKey.isEmpty() || recordedKey == null || recordedKey.isEmpty()) {
			return 0;
		}
		if (Objects.equals(observedKey, recordedKey)) {
			why.add(Reason.of(Reason.Code.ATTRIBUTE_AGREES, name, recorded));
			return 0;
		}
		why.add(Reason.of(Reason.Code.ATTRIBUTE_DIFFERS, name, observed, recorded));
		return 1;
	}

	private String calibreKey(String calibre) {
		if (calibre == null || calibre.isBlank()) {
			return null;
		}
		return catalogue.canonical(Catalogue.Kind.CALIBRE, calibre).orElse(calibre.trim().toUpperCase());
	}

	private static String upper(String text) {
		return text == null || text.isBlank() ? null : text.trim().toUpperCase().replace(' ', '_');
	}

}
