package org.armstrace.registry;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

	/** Date layouts registers write; only the year is kept, but the date must be real. */
	private static final List<DateTimeFormatter> DATES = List
		.of("uuuu-MM-dd", "dd/MM/uuuu", "MM/dd/uuuu", "dd.MM.uuuu", "d-M-uuuu", "d/M/uuuu", "d.M.uuuu", "uuuuMMdd",
				"uuuu/MM/dd", "uuuu.MM.dd")
		.stream()
		.map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT))
		.toList();

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
		for (DateTimeFormatter format : DATES) {
			try {
				return Optional.of(LocalDate.parse(trimmed, format).getYear());
			}
			catch (DateTimeException e) {
				// not this layout
			}
		}
		return Optional.empty();
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
