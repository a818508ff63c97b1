package org.armstrace.tracing;

import java.util.Locale;

import org.armstrace.command.Words;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.TraceRequestQueries.TraceRequestView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Trace reports as PDF in the reader's language, holders named for the reader at print
 * time.
 */
@Component
class TraceReports {

	private final RegistryQueries registry;

	private final Words words;

	private final IndexUpdater index;

	TraceReports(RegistryQueries registry, Words words, IndexUpdater index) {
		this.index = index;
		this.registry = registry;
		this.words = words;
	}

	byte[] pdf(TraceRequestView view) {
		Locale locale = LocaleContextHolder.getLocale();
		return TraceReport.pdf(view,
				new TraceReport.Texts(words::text, wording -> words.text(wording, locale),
						holderId -> registry.holder(holderId)
							.map(h -> h.name() == null ? h.role() + " " + holderId : h.name())
							.orElse(String.valueOf(holderId))),
				index.behind());
	}

}
