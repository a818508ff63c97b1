package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.armstrace.command.Bounds;
import org.armstrace.command.Checks;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.Countries;
import org.armstrace.reference.Names;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

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

	private final Confusions confusions;

	/**
	 * The search itself, index and ranking, apart from what the web layer adds around it
	 * (null where nothing is measured).
	 */
	private final Timer searches;

	Tracing(FirearmIndex index, IndexUpdater updater, Catalogue catalogue, Countries countries, Bounds bounds,
			Confusions confusions, MeterRegistry meters) {
		this.searches = meters == null ? null
				: Timer.builder("armstrace.tracing.search")
					.description("Trace searches: the candidate index and the ranking, without the web layer")
					.publishPercentileHistogram()
					.register(meters);
		this.confusions = confusions;
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

	/**
	 * How many committed ledger entries the candidate index has not applied yet (0 when
	 * current): a search may miss what they registered.
	 */
	public long indexBehind() {
		return updater == null ? 0 : updater.behind();
	}

	/** Rebuilds the candidate index from the whole ledger; returns the entries read. */
	public long rebuildIndex() {
		return updater.rebuild();
	}

	/** The largest number of candidates one search returns. */
	public static final int MAX_LIMIT = 100;

	/**
	 * A serial that costs more than this to align with the record (in misreadings, by the
	 * confusion model) is at best POSSIBLE: calibrated on the tracing benchmark
	 * (docs/benchmarks.md), one misreading the table lists, a transposition (with a usual
	 * misreading in it) or a short missing leading part stays under it, two misreadings
	 * do not.
	 */
	static final double PROBABLE_COST = SerialAlignment.misreading(0.75);

	/**
	 * A PROBABLE answer must fit clearly better than the next record: by at least this
	 * much alignment cost (a likely misreading against a plain difference, not 1/7
	 * against 1/2).
	 */
	static final double PROBABLE_MARGIN = 0.15 * (1 - SerialAlignment.MISREADING);

	/** A candidate with what ranked it. */
	private record Ranked(Candidate candidate, double serialScore, double cost, boolean probable,
			Set<Attribute> agreed) {
	}

	/**
	 * Ranked candidates for what was observed, at most {@code limit}; refused when the
	 * serial has no readable character or the limit is out of range.
	 */
	public Matches match(ObservedMarkings observed, int limit) {
		long started = System.nanoTime();
		Matches matches = matchUntimed(observed, limit);
		if (searches != null && !matches.refused()) {
			searches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
		return matches;
	}

	/**
	 * As {@link #match}, left out of the search timer: the warm-up's searches after a
	 * start are not an officer's.
	 */
	Matches matchUntimed(ObservedMarkings observed, int limit) {
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
		SecondCore.Part<Long> behind = behindWhileSearching();
		String makeKey = observedMakeKey(observed.make());
		List<Ranked> ranked = index.withCandidates(serial, makeKey, confusions,
				found -> rankLikeliest(observed, serial, makeKey, found, limit));
		ranked.sort(Comparator.comparingDouble((Ranked r) -> r.candidate().score())
			.reversed()
			.thenComparing(Comparator.comparingInt((Ranked r) -> r.agreed().size()).reversed())
			.thenComparing(r -> r.candidate().recordNumber()));
		List<Candidate> shown = new ArrayList<>();
		for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
			Ranked r = ranked.get(i);
			Candidate c = r.candidate();
			Ranked before = i > 0 ? ranked.get(i - 1) : null;
			Ranked after = i + 1 < ranked.size() ? ranked.get(i + 1) : null;
			boolean tie = equal(before, r) || equal(r, after);
			List<Reason> why = new ArrayList<>(c.explanation());
			Candidate.Band band = c.band();
			if (tie) {
				why.add(Reason.of(Reason.Code.TIE));
				band = band == Candidate.Band.EXACT ? band : Candidate.Band.POSSIBLE;
			}
			else if (after != null && Math.abs(r.serialScore() - after.serialScore()) < TIE) {
				// as good a serial: what else was observed agrees with this record and
				// not
				// with the next
				Set<Attribute> decided = EnumSet.noneOf(Attribute.class);
				decided.addAll(r.agreed());
				decided.removeAll(after.agreed());
				if (!decided.isEmpty()) {
					why.add(Reason.of(Reason.Code.DECIDED_BY_ATTRIBUTE, codes(decided),
							after.candidate().recordNumber()));
				}
			}
			if (band == Candidate.Band.PROBABLE && i == 0 && after != null && after.probable()
					&& after.cost() - r.cost() < PROBABLE_MARGIN) {
				band = Candidate.Band.POSSIBLE;
				why.add(Reason.of(Reason.Code.CLOSE_ALTERNATIVE, after.candidate().recordNumber()));
			}
			shown.add(new Candidate(c.firearmId(), c.recordNumber(), c.legacyReference(), c.serial(), c.make(),
					c.model(), c.calibre(), c.type(), c.countryOfManufacture(), c.year(), c.score(), band, tie, why,
					c.partId(), c.partKind()));
		}
		return Matches.found(shown, behind.get());
	}

	/**
	 * How far behind the index is, read from the ledger while the search runs (a wait for
	 * the database, not work for a core). Inside a transaction it is read there and at
	 * once, so the transaction's own entries count.
	 */
	private SecondCore.Part<Long> behindWhileSearching() {
		if (updater == null || TransactionSynchronizationManager.isActualTransactionActive()) {
			return SecondCore.here(this::indexBehind);
		}
		return SecondCore.alongside(this::indexBehind);
	}

	/**
	 * A candidate's serial aligned with the reading, before its record is loaded, and the
	 * most it can score: its serial's score, less the make's share when the make (read
	 * with the serial) differs from the one observed.
	 */
	private record Aligned(FirearmIndex.Found found, SerialAlignment.Fit fit, double most) {
	}

	/**
	 * Ranks the candidates that can still be among the first {@code limit} + 1 (the one
	 * after the last shown decides ties and close alternatives): serials are aligned
	 * first, and records are loaded from the likeliest down only while the most one can
	 * score reaches the (limit + 1)-th score so far.
	 */
	private List<Ranked> rankLikeliest(ObservedMarkings observed, String serial, String makeKey,
			List<FirearmIndex.Found> found, int limit) {
		List<Aligned> aligned;
		if (found.size() < ALIGNED_APART_FROM) {
			// a few are aligned sooner than a helper is woken
			aligned = aligned(serial, makeKey, found);
		}
		else {
			// the second half on another core while this one aligns the first
			int half = found.size() / 2;
			SecondCore.Part<List<Aligned>> later = SecondCore
				.start(() -> aligned(serial, makeKey, found.subList(half, found.size())));
			aligned = aligned(serial, makeKey, found.subList(0, half));
			aligned.addAll(later.get());
		}
		aligned.sort(Comparator.comparingDouble(Aligned::most).reversed());
		List<Ranked> ranked = new ArrayList<>();
		PriorityQueue<Double> best = new PriorityQueue<>();
		Map<String, String> series = new HashMap<>();
		for (Aligned a : aligned) {
			if (best.size() > limit && a.most() < best.peek() - SCORE_ROUNDING) {
				break;
			}
			Ranked r = rank(observed, serial, makeKey, a.found().record(), a.fit(), series);
			ranked.add(r);
			best.add(r.candidate().score());
			if (best.size() > limit + 1) {
				best.poll();
			}
		}
		return ranked;
	}

	/** From this many candidates on, half of them are aligned on another core. */
	private static final int ALIGNED_APART_FROM = 32;

	private List<Aligned> aligned(String serial, String makeKey, List<FirearmIndex.Found> found) {
		List<Aligned> aligned = new ArrayList<>(found.size());
		for (FirearmIndex.Found f : found) {
			SerialAlignment.Fit fit = SerialAlignment.align(serial, SerialForms.normalise(f.serial()), confusions);
			boolean otherMake = makeKey != null && !makeKey.isEmpty() && !f.makeKey().isEmpty()
					&& !makeKey.equals(f.makeKey());
			aligned.add(new Aligned(f, fit, otherMake ? fit.score() * (1 - DISAGREEING_ATTRIBUTE) : fit.score()));
		}
		return aligned;
	}

	/** Scores are shown to six decimals: a serial this close may round to a shown one. */
	private static final double SCORE_ROUNDING = 2e-6;

	private static boolean sameScore(Ranked a, Ranked b) {
		return a != null && b != null && Math.abs(a.candidate().score() - b.candidate().score()) < TIE;
	}

	/** Equal on the serial and on the evidence beyond it: nothing tells them apart. */
	private static boolean equal(Ranked a, Ranked b) {
		return sameScore(a, b) && a.agreed().size() == b.agreed().size();
	}

	private static String codes(Set<Attribute> attributes) {
		return String.join(", ", attributes.stream().map(Enum::name).toList());
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

	private Ranked rank(ObservedMarkings observed, String serial, String makeKey, IndexedRecord recorded,
			SerialAlignment.Fit fit, Map<String, String> series) {
		String recordedSerial = SerialForms.normalise(recorded.serial());
		List<Reason> why = new ArrayList<>(fit.explanation());
		Set<Attribute> agreed = EnumSet.noneOf(Attribute.class);
		int disagreements = 0;
		disagreements += attribute(Attribute.MAKE, makeKey, recorded.makeKey(), observed.make(), recorded.make(), why,
				agreed);
		disagreements += attribute(Attribute.MODEL, modelKey(observed.model()), modelKey(recorded.model()),
				observed.model(), recorded.model(), why, agreed);
		disagreements += attribute(Attribute.CALIBRE, calibreKey(observed.calibre()), calibreKey(recorded.calibre()),
				observed.calibre(), recorded.calibre(), why, agreed);
		disagreements += attribute(Attribute.TYPE, upper(observed.type()), recorded.type(), observed.type(),
				recorded.type(), why, agreed);
		disagreements += attribute(Attribute.COUNTRY_OF_MANUFACTURE, observedCountry(observed.countryOfManufacture()),
				recorded.country(), observed.countryOfManufacture(), recorded.country(), why, agreed);
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
			if (match != null) {
				agreed.add(Attribute.IMPORT_MARKING);
			}
		}
		if (recorded.year() != null && (observed.yearFrom() != null || observed.yearTo() != null)) {
			boolean inside = (observed.yearFrom() == null || recorded.year() >= observed.yearFrom())
					&& (observed.yearTo() == null || recorded.year() <= observed.yearTo());
			why.add(Reason.of(inside ? Reason.Code.YEAR_WITHIN : Reason.Code.YEAR_OUTSIDE, recorded.year()));
			disagreements += inside ? 0 : 1;
			if (inside) {
				agreed.add(Attribute.YEAR);
			}
		}
		double score = fit.score() * Math.pow(1 - DISAGREEING_ATTRIBUTE, disagreements);
		boolean probable = !fit.exact() && fit.unreadable() == 0 && !fit.run() && fit.differences() == 0
				&& fit.transpositions() <= 1 && fit.cost() <= PROBABLE_COST + 1e-9;
		Candidate.Band band = disagreements > 0 ? Candidate.Band.POSSIBLE
				: fit.exact() ? Candidate.Band.EXACT : probable ? Candidate.Band.PROBABLE : Candidate.Band.POSSIBLE;
		if (band == Candidate.Band.PROBABLE && sameShape(serial, recordedSerial)) {
			String neighbour = series.computeIfAbsent(recorded.makeKey(), key -> index.neighbourInSeries(serial, key));
			if (!neighbour.isEmpty()) {
				// a reading shaped like a serial of a registered series, next to one, may
				// be
				// an unregistered item of that series as much as a misreading of this one
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
		return new Ranked(new Candidate(part ? recorded.fittedTo() : recorded.id(), recorded.recordNumber(),
				recorded.legacyReference(), recorded.serial(), recorded.make(), recorded.model(), recorded.calibre(),
				recorded.type(), recorded.country(), recorded.year(), Math.round(score * 1e6) / 1e6, band, false, why,
				part ? recorded.id() : null, recorded.partKind()), fit.score(), fit.cost(),
				probable && disagreements == 0, agreed);
	}

	/**
	 * Letters where the record has letters and digits where it has digits: the reading
	 * could itself be a serial of the record's series. A letter read in a digit's place
	 * (O for 0) could not.
	 */
	static boolean sameShape(String reading, String recorded) {
		if (reading.length() != recorded.length()) {
			return false;
		}
		for (int i = 0; i < reading.length(); i++) {
			if (Character.isDigit(reading.charAt(i)) != Character.isDigit(recorded.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** The attributes compared besides the serial; each is a term in the bundles. */
	enum Attribute {

		MAKE, MODEL, CALIBRE, TYPE, COUNTRY_OF_MANUFACTURE, IMPORT_MARKING, YEAR

	}

	private static int attribute(Attribute name, String observedKey, String recordedKey, String observed,
			String recorded, List<Reason> why, Set<Attribute> agreed) {
		if (observedKey == null || observedKey.isEmpty() || recordedKey == null || recordedKey.isEmpty()) {
			return 0;
		}
		if (Objects.equals(observedKey, recordedKey)) {
			why.add(Reason.of(Reason.Code.ATTRIBUTE_AGREES, name, recorded));
			agreed.add(name);
			return 0;
		}
		why.add(Reason.of(Reason.Code.ATTRIBUTE_DIFFERS, name, observed, recorded));
		return 1;
	}

	/** A model as compared: letters and digits, upper case ("G-17" and "g17" agree). */
	private static String modelKey(String model) {
		return model == null || model.isBlank() ? null : SerialForms.normalise(model.replace("*", "").replace("?", ""));
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
