package org.armstrace.reference;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key under which free-text names of makers are compared: upper case, accents and
 * punctuation removed, "&" read as AND, company-form words dropped. "Smith & Wesson Inc."
 * and "SMITH AND WESSON" share a key; the text as entered is always kept beside it.
 */
public final class Names {

	private static final Set<String> COMPANY_FORMS = Set.of("INC", "INCORPORATED", "LLC", "LTD", "LIMITED", "CO",
			"CORP", "CORPORATION", "COMPANY", "GMBH", "AG", "KG", "SA", "SPA", "SRL", "SL", "AS", "AB", "OY", "NV",
			"BV", "PLC", "PTY", "SAS", "SARL", "SE", "ZRT", "DOO", "AD", "JSC", "OAO", "AO", "PJSC");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Names() {
	}

	public static String makerKey(String text) {
		if (text == null) {
			return "";
		}
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toUpperCase(Locale.ROOT)
			.replace("&", " AND ");
		StringBuilder key = new StringBuilder();
		for (String word : NOT_ALPHANUMERIC.matcher(folded).replaceAll(" ").trim().split(" ")) {
			if (!word.isEmpty() && !COMPANY_FORMS.contains(word)) {
				key.append(key.isEmpty() ? "" : " ").append(word);
			}
		}
		return key.toString();
	}

	/**
	 * Calibre designations differ mostly in punctuation and spacing: "9x19 mm" =
	 * "9X19MM"; ".22 LR" = "22LR".
	 */
	public static String calibreKey(String text) {
		if (text == null) {
			return "";
		}
		return NOT_ALPHANUMERIC.matcher(text.toUpperCase(Locale.ROOT).replace("×", "X")).replaceAll("");
	}

}
