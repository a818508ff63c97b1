package org.armstrace.command;

import java.util.Locale;

/**
 * LIKE patterns for text a user typed, its own {@code %}, {@code _} and {@code !} taken
 * literally: use them with {@code ESCAPE '!'}.
 */
public final class LikePatterns {

	private LikePatterns() {
	}

	/** Any value holding the text, in lower case: compare with {@code LOWER(column)}. */
	public static String containing(String text) {
		return "%" + literally(text.trim().toLowerCase(Locale.ROOT)) + "%";
	}

	/** The text with the pattern's wildcards escaped by {@code !}. */
	public static String literally(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
