package org.armstrace.analytics;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.armstrace.seizure.ShipmentRecords.Shipment;

/**
 * Whether a shipment's declared content names what was found in it: each kind found
 * (firearms, parts, ammunition) must be named by a word of that kind, in English, Spanish
 * or French, singular or plural. A word for a weapon names its parts too. A shipment with
 * nothing declared is not judged.
 */
final class DeclaredContent {

	static final Set<String> WEAPON_WORDS = Set.of("FIREARM", "GUN", "PISTOL", "RIFLE", "REVOLVER", "SHOTGUN", "WEAPON",
			"ARMA", "ARME", "PISTOLA", "PISTOLET", "FUSIL", "ESCOPETA", "CARABINA", "CARABINE");

	static final Set<String> PART_WORDS = Set.of("BARREL", "SLIDE", "RECEIVER", "FRAME", "BOLT", "CYLINDER", "CANON",
			"CORREDERA", "CULASSE", "CARCASA", "CARCASSE");

	static final Set<String> AMMUNITION_WORDS = Set.of("AMMUNITION", "AMMO", "CARTRIDGE", "ROUND", "BULLET", "MUNICION",
			"CARTUCHO", "BALA", "MUNITION", "CARTOUCHE");

	private DeclaredContent() {
	}

	/** True when something was declared and a kind found is not named in it. */
	static boolean hides(Shipment s) {
		if (s.declaredContent() == null || s.declaredContent().isBlank()) {
			return false;
		}
		String[] words = Normalizer.normalize(s.declaredContent(), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toUpperCase(Locale.ROOT)
			.split("[^A-Z]+");
		boolean weapons = names(words, WEAPON_WORDS);
		boolean parts = weapons || names(words, PART_WORDS);
		boolean ammunition = names(words, AMMUNITION_WORDS);
		return (s.firearms() > 0 && !weapons) || (s.parts() > 0 && !parts) || (s.ammunition() > 0 && !ammunition);
	}

	private static boolean names(String[] words, Set<String> vocabulary) {
		return Arrays.stream(words)
			.anyMatch(w -> vocabulary.contains(w)
					|| (w.endsWith("ES") && vocabulary.contains(w.substring(0, w.length() - 2)))
					|| (w.endsWith("S") && vocabulary.contains(w.substring(0, w.length() - 1)))
					|| (w.endsWith("GUN") || w.endsWith("GUNS")) && vocabulary.contains("GUN"));
	}

}
