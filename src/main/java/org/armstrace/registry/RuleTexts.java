package org.armstrace.registry;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A broken rule in the reader's language. A refusal's own message is English and names the values involved; in
 * another language the page shows the rule's text from the bundles ({@code rule.<Rule>}), which is generic, and
 * falls back to the English message for a rule the bundles do not know. Pages call it as {@code @ruleTexts}.
 */
@Component("ruleTexts")
public class RuleTexts {

	private final MessageSource messages;

	RuleTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Violation violation) {
		return text(violation, LocaleContextHolder.getLocale());
	}

	public String text(Violation violation, Locale locale) {
		if (locale == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
			return violation.message();
		}
		try {
			return messages.getMessage("rule." + violation.rule(), null, locale);
		}
		catch (NoSuchMessageException e) {
			return violation.message();
		}
	}

}
