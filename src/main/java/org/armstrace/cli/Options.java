package org.armstrace.cli;

import org.springframework.boot.ApplicationArguments;

/** A verb's options, written {@code --name=value}. */
final class Options {

	private Options() {
	}

	/**
	 * The option's first value, or {@code fallback} when the option is absent or has no
	 * value.
	 */
	static String value(ApplicationArguments args, String name, String fallback) {
		return args.containsOption(name) && !args.getOptionValues(name).isEmpty()
				? args.getOptionValues(name).getFirst() : fallback;
	}

}
