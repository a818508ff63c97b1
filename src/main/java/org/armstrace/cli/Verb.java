package org.armstrace.cli;

import org.springframework.boot.ApplicationArguments;

/** One verb of the command line: its name, and the job it runs with its exit status. */
interface Verb {

	/** The first word of the command line that selects this verb, e.g. {@code verify}. */
	String name();

	/**
	 * Runs the job; what it has to say goes to the console.
	 * @return the exit status: 0 done, 1 a verification failed, 2 a usage error, 3
	 * something was refused
	 */
	int run(ApplicationArguments args);

}
