package org.armstrace.registry;

import java.text.Normalizer;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What legacy registers write for a firearm's type, status and year, read as ArmsTrace's
 * codes: types and statuses in English, Spanish and French (and the German words
 * registers of the region use), the codes themselves in any case, and the year of a date
 * written in the common formats. A text none of these fits is not guessed at.
 */
final class LegacyValues {

	private static final Map<String, FirearmType> TYPES = new HashMap<>();

	private static final Map<String, FirearmStatus> STATUSES = new HashMap<>();

	/**
	 * Dates as registers write them: year first (1999-05-03, 1999/05/03, 1999.05.03),
	 * year last (03/05/1999, 3.5.1999, 3-5-1999), or eight digits (19990503). Matched by
	 * pattern, not by trying formats one after the other: a million rows would throw ten
	 * million exceptions.
	 */
	private static final Pattern DATE = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})"
			+ "|(\\d{1,2})([-/.])(\\d{1,2})\\6(\\d{4})|(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTER = Pattern.compile("[^a-z0-9]+");

	static {
		types(FirearmType.PISTOL, "pistol", "handgun", "semi automatic pistol", "semiautomatic pistol",
				"self loading pistol", "automatic pistol", "pistola", "pistola semiautomatica", "pistola automatica",
				"pistolet", "pistolet semi automatique", "pistolet automatique", "pistole", "selbstladepistole");
		types(FirearmType.REVOLVER, "revolver", "revolver pistol", "revolverpistole", "barillet");
		types(FirearmType.RIFLE, "rifle", "assault rifle", "hunting rifle", "fusil", "fusil de asalto", "rifle de caza",
				"fusil d assaut", "gewehr", "buchse", "sturmgewehr", "long rifle");
		types(FirearmType.CARBINE, "carbine", "carabina", "carabine", "karabiner");
		types(FirearmType.SHOTGUN, "shotgun", "shot gun", "escopeta", "escopeta de caza", "fusil de chasse",
				"fusil a pompe", "fusil a canon lisse", "flinte", "schrotflinte");
		types(FirearmType.SUBMACHINE_GUN, "submachine gun", "sub machine gun", "smg", "machine pistol", "subfusil",
				"metralleta", "pistola ametralladora", "pistolet mitrailleur", "pm", "maschinenpistole", "mp");
		types(FirearmType.MACHINE_GUN, "machine gun", "ametralladora", "mitrailleuse", "maschinengewehr", "mg");
		types(FirearmType.OTHER, "other", "otro", "otra", "otros", "autre", "autres", "sonstige", "andere");
		statuses(FirearmStatus.ACTIVE, "active", "activo", "activa", "actif", "in service", "en service", "en servicio",
				"registered", "registrado", "registrada", "enregistre", "enregistree", "in use", "en uso", "vigente",
				"valid", "valido", "valida", "current", "normal", "aktiv", "gultig");
		statuses(FirearmStatus.LOST, "lost", "missing", "perdido", "perdida", "extraviado", "extraviada",
				"desaparecido", "desaparecida", "perdu", "perdue", "egare", "egaree", "verloren", "vermisst");
		statuses(FirearmStatus.STOLEN, "stolen", "theft", "robado", "robada", "hurtado", "hurtada", "sustraido",
				"sustraida", "vole", "volee", "gestohlen");
		statuses(FirearmStatus.SEIZED, "seized", "confiscated", "incautado", "incautada", "decomisado", "decomisada",
				"confiscado", "confiscada", "saisi", "saisie", "confisque", "confisquee", "beschlagnahmt",
				"sichergestellt");
		statuses(FirearmStatus.EXPORTED, "exported", "exportado", "exportada", "exporte", "exportee", "ausgefuhrt",
				"exportiert");
		statuses(FirearmStatus.DEACTIVATED, "deactivated", "desactivado", "desactivada", "inutilizado", "inutilizada",
				"neutralise", "neutralisee", "desactive", "desactivee", "deaktiviert", "unbrauchbar gemacht");
		statuses(FirearmStatus.FOUND_AFTER_DESTRUCTION, "found after destruction");
		statuses(FirearmStatus.DESTROYED, "destroyed", "scrapped", "destruido", "destruida", "chatarrizado",
				"chatarrizada", "detruit", "detruite", "zerstort", "vernichtet");
	}

	private LegacyValues() {
	}

	private static void types(FirearmType type, String... words) {
		TYPES.put(key(type.name()), type);
		for (String word : words) {
			TYPES.put(word, type);
		}
	}

	private static void statuses(FirearmStatus status, String... words) {
		STATUSES.put(key(status.name()), status);
		for (String word : words) {
			STATUSES.put(word, status);
		}
	}

	/**
	 * The type a text names: the whole text ("fusil de chasse"), else without a plural
	 * ending, else its first word that names one ("pistola semiautomatica Glock").
	 */
	static Optional<FirearmType> type(String text) {
		return lookUp(TYPES, text, true);
	}

	/**
	 * The status a text names, whole or without a plural ending; never by one of its
	 * words ("not stolen" is not stolen).
	 */
	static Optional<FirearmStatus> status(String text) {
		return lookUp(STATUSES, text, false);
	}

	private static <T> Optional<T> lookUp(Map<String, T> words, String text, boolean byWord) {
		String key = key(text);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		T found = words.get(key);
		if (found == null && key.endsWith("s")) {
			found = words.get(key.substring(0, key.length() - (key.endsWith("es") ? 2 : 1)));
			found = found != null ? found : words.get(key.substring(0, key.length() - 1));
		}
		if (found == null && byWord) {
			for (String word : key.split(" ")) {
				found = words.get(word);
				if (found != null) {
					break;
				}
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The year a text gives: a year of four digits, or the year of a real date in one of
	 * the common layouts (1999-05-03, 03/05/1999, 3.5.1999, 19990503 …). Day and month
	 * may be either way round: the year is the same.
	 */
	static Optional<Integer> year(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		if (YEAR.matcher(trimmed).matches()) {
			return Optional.of(Integer.valueOf(trimmed));
		}
		Matcher date = DATE.matcher(trimmed);
		if (!date.matches()) {
			return Optional.empty();
		}
		boolean real;
		int year;
		if (date.group(1) != null) {
			year = number(date, 1);
			real = real(year, number(date, 3), number(date, 4));
		}
		else if (date.group(5) != null) {
			year = number(date, 8);
			real = real(year, number(date, 7), number(date, 5)) || real(year, number(date, 5), number(date, 7));
		}
		else {
			year = number(date, 9);
			real = real(year, number(date, 10), number(date, 11));
		}
		return real ? Optional.of(year) : Optional.empty();
	}

	private static int number(Matcher date, int group) {
		return Integer.parseInt(date.group(group));
	}

	private static boolean real(int year, int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
	}

	/** Lower case, accents and punctuation dropped, words single-spaced. */
	static String key(String text) {
		if (text == null) {
			return "";
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("ß", "ss");
		return NOT_LETTER.matcher(folded).replaceAll(" ").trim();
	}

}
