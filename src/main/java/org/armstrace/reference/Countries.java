package org.armstrace.reference;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * What a country written by hand stands for, as an ISO 3166-1 alpha-3 code: the codes
 * themselves (alpha-3 and alpha-2), the country's name in every language of the JDK's
 * locale data ("Alemania", "Allemagne", "Deutschland", "Германия"), the informal names
 * and abbreviations registers use ("U.S.A.", "Holland", "UK") and historical States
 * ("R.F.A.", "USSR"), which stand for the successor the State configures. Texts are
 * compared without case, accents, spaces or punctuation; a misspelt name is matched with
 * a confidence below 100 when one country alone is that close.
 */
@Service
public class Countries {

	/**
	 * A country a text stands for, and how sure the match is: 100 when the text is one of
	 * the country's codes or names, less for a misspelling (100 less the share of
	 * characters that differ).
	 */
	public record Match(String code, int confidence) {

		public boolean exact() {
			return confidence == 100;
		}

	}

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	/** Names shorter than this are never matched by spelling: "PERU" is not "PARU". */
	private static final int FUZZY_MIN_LENGTH = 5;

	/** The suggestions by language, built once per language. */
	private final Map<String, List<Suggestion>> suggestions = new ConcurrentHashMap<>();

	/** Comparison key to alpha-3 code. */
	private final Map<String, String> keys = new HashMap<>();

	/**
	 * Keys of the names written for registers and of those in the languages of the
	 * region, for matching misspellings.
	 */
	private final Set<String> names = new HashSet<>();

	@Autowired
	Countries(ReferenceProperties properties) {
		this(properties.historicalCountries());
	}

	Countries(Map<String, String> historical) {
		Map<String, String> byAlpha2 = new HashMap<>();
		for (String alpha2 : Locale.getISOCountries()) {
			byAlpha2.put(alpha2, Locale.of("", alpha2).getISO3Country());
		}
		// the first tier to claim a key keeps it: codes, then the names written for
		// registers, then English, the UI's languages, and every other language last
		byAlpha2.values().forEach(code -> claim(code, code, false));
		byAlpha2.forEach((alpha2, code) -> claim(alpha2, code, false));
		CountryNames.HISTORICAL.forEach((state, list) -> list.forEach(n -> claim(n, historical.get(state), true)));
		CountryNames.VARIANTS.forEach((code, list) -> list.forEach(n -> claim(n, code, true)));
		for (String language : List.of("en", "es", "fr", "de", "it", "pt", "nl")) {
			byAlpha2.forEach(
					(alpha2, code) -> claim(Locale.of("", alpha2).getDisplayCountry(Locale.of(language)), code, true));
		}
		Map<String, Set<String>> others = new HashMap<>();
		Set<String> languages = new LinkedHashSet<>();
		for (Locale locale : Locale.getAvailableLocales()) {
			languages.add(locale.getLanguage());
		}
		for (String language : languages) {
			Locale in = Locale.of(language);
			byAlpha2.forEach((alpha2, code) -> others
				.computeIfAbsent(key(Locale.of("", alpha2).getDisplayCountry(in)), k -> new HashSet<>())
				.add(code));
		}
		// a name two countries bear in different languages stands for neither
		// (and is matched only as written: spelling is matched in the languages above)
		others.forEach((key, codes) -> {
			if (codes.size() == 1 && !key.isEmpty()) {
				keys.putIfAbsent(key, codes.iterator().next());
			}
		});
	}

	private void claim(String text, String code, boolean name) {
		String key = key(text);
		if (!key.isEmpty() && keys.putIfAbsent(key, code) == null && name) {
			names.add(key);
		}
	}

	/** The alpha-3 code a text certainly stands for. */
	public Optional<String> code(String text) {
		return Optional.ofNullable(keys.get(key(text)));
	}

	/**
	 * A country as a command was given it: its alpha-3 code when it names one exactly
	 * ("Austria", "at", "Autriche"), else the text as given, for the command's check to
	 * refuse by its own words.
	 */
	public String codeOrAsGiven(String text) {
		return code(text).orElse(text);
	}

	/**
	 * The country a text stands for: exactly (confidence 100), or the one country whose
	 * name is within one edit (names under 8 characters) or two of it.
	 */
	public Optional<Match> match(String text) {
		String key = key(text);
		String code = keys.get(key);
		if (code != null) {
			return Optional.of(new Match(code, 100));
		}
		if (key.length() < FUZZY_MIN_LENGTH) {
			return Optional.empty();
		}
		int allowed = key.length() < 8 ? 1 : 2;
		int best = allowed + 1;
		Set<String> found = new HashSet<>();
		for (String name : names) {
			if (Math.abs(name.length() - key.length()) > allowed) {
				continue;
			}
			int d = Catalogue.editDistance(key, name, allowed);
			if (d < best) {
				best = d;
				found.clear();
			}
			if (d == best) {
				found.add(keys.get(name));
			}
		}
		if (best > allowed || found.size() != 1) {
			return Optional.empty();
		}
		return Optional.of(new Match(found.iterator().next(), 100 - 100 * best / key.length()));
	}

	/**
	 * A country as the pages suggest it: its name in the reader's language and its code.
	 */
	public record Suggestion(String name, String code) {
	}

	/**
	 * Every country's name in {@code language}, in that language's alphabetical order,
	 * for the pages' suggestions (an HTML datalist): the officer types a name, the server
	 * maps it as {@link #codeOrAsGiven(String)} does.
	 */
	public List<Suggestion> suggestions(Locale language) {
		Locale in = language == null ? Locale.ENGLISH : Locale.of(language.getLanguage());
		return suggestions.computeIfAbsent(in.getLanguage(), l -> {
			Collator order = Collator.getInstance(in);
			return Arrays.stream(Locale.getISOCountries())
				.map(alpha2 -> Locale.of("", alpha2))
				.map(country -> new Suggestion(country.getDisplayCountry(in), country.getISO3Country()))
				.sorted(Comparator.comparing(Suggestion::name, order))
				.toList();
		});
	}

	/** Upper case, accents, spaces and punctuation dropped: "U.S.A." = "usa". */
	static String key(String text) {
		if (text == null) {
			return "";
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toUpperCase(Locale.ROOT);
		return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
	}

}
