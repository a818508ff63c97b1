package org.armstrace;

import java.util.List;
import java.util.Locale;

import org.armstrace.command.Wording;
import org.armstrace.command.Words;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's words without the application: codes in English for plain unit tests.
 */
public final class TestWords {

	/** The bundles as application.yml names them. */
	public static final String[] BASENAMES = { "messages", "i18n/command", "i18n/registry", "i18n/tracing",
			"i18n/seizure" };

	private static final ResourceBundleMessageSource SOURCE = source();

	private static final Words WORDS = new Words(SOURCE);

	private TestWords() {
	}

	public static ResourceBundleMessageSource source() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(BASENAMES);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	public static String english(Wording wording) {
		return WORDS.english(wording);
	}

	/** A sentence of the bundles by its key, in English. */
	public static String text(String key, Object[] values) {
		return SOURCE.getMessage(key, values.length == 0 ? new Object[] { "" } : values, key, Locale.ENGLISH);
	}

	public static List<String> english(List<? extends Wording> wordings) {
		return WORDS.english(wordings);
	}

}
