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

	/**
	 * The option as a whole number from {@code least} to {@code most}, or
	 * {@code fallback}; anything else is refused naming the option and its range.
	 */
	static int intValue(ApplicationArguments args, String name, int fallback, int least, int most) {
		String text = value(args, name, null);
		if (text == null) {
			return fallback;
		}
		try {
			int v = Integer.parseInt(text.trim());
			if (v >= least && v <= most) {
				return v;
			}
		}
		catch (NumberFormatException e) {
			// refused below, as any other value out of range
		}
		throw new IllegalArgumentException("--" + name + ": give a whole number from " + least + " to " + most);
	}

}
