package org.armstrace.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Codes and their values in the reader's language: refusals, explanations, protocol
 * steps, flags. Pages call it as {@code @words.text(...)} (the request's language); the
 * API and the command line ask for English beside the code. A sentence the bundles do not
 * know shows its key and values rather than nothing.
 * <p>
 * A value that is a code (upper case, digits and underscores, as an enum constant:
 * {@code STOLEN}, {@code PRIVATE_OWNER}) is itself put into words when the bundles have
 * {@code term.<code>}: "a firearm that is stolen", "un arma robada". Values on the ledger
 * and in the API stay codes. Every sentence is a {@link java.text.MessageFormat} pattern:
 * a quote is written twice ({@code ''}).
 */
@Component("words")
public class Words {

	private final MessageSource messages;

	public Words(MessageSource messages) {
		this.messages = messages;
	}

	/** In the language of the current request (English outside one). */
	public String text(Wording wording) {
		return text(wording, LocaleContextHolder.getLocale());
	}

	public String text(Wording wording, Locale locale) {
		Locale language = locale == null ? Locale.ENGLISH : locale;
		List<String> arguments = wording.arguments();
		Object[] words = arguments.stream().map(value -> term(value, language)).toArray();
		// always through MessageFormat, so a sentence's quotes are written one way
		// whether it takes values or not
		String sentence = messages.getMessage(wording.messageKey(), words.length == 0 ? NO_VALUES : words,
				wording.messageKey() + " " + arguments, language);
		// an empty value (a holder without a record id) leaves no double space behind
		return SPACES.matcher(sentence).replaceAll(" ").strip();
	}

	/** A code, or a list of codes separated by ", ", in words (or the value itself). */
	public String term(String value, Locale locale) {
		if (value == null || !CODES.matcher(value).matches()) {
			return value;
		}
		Locale language = locale == null ? Locale.ENGLISH : locale;
		return String.join(", ",
				Arrays.stream(value.split(", "))
					.map(code -> messages.getMessage("term." + code, NO_VALUES, code, language))
					.toList());
	}

	private static final Pattern SPACES = Pattern.compile(" {2,}");

	private static final String CODE = "[A-Z][A-Z0-9]*(_[A-Z0-9]+)*";

	/**
	 * Passed where a sentence takes no values, so that it too is read as a MessageFormat
	 * pattern.
	 */
	private static final Object[] NO_VALUES = { "" };

	private static final Pattern CODES = Pattern.compile(CODE + "(, " + CODE + ")*");

	public String english(Wording wording) {
		return text(wording, Locale.ENGLISH);
	}

	/** Each in the language of the current request. */
	public List<String> texts(List<? extends Wording> wordings) {
		return wordings.stream().map(this::text).toList();
	}

	/**
	 * A sentence of the bundles by its key, with values, in the language of the current
	 * request.
	 */
	public String text(String key, Object... values) {
		return messages.getMessage(key, values.length == 0 ? NO_VALUES : values, key, LocaleContextHolder.getLocale());
	}

	public List<String> english(List<? extends Wording> wordings) {
		return wordings.stream().map(this::english).toList();
	}

	/** A code with its values and its English sentence, as the API shows it. */
	public record Worded(String code, List<String> values, String message) {
	}

}
