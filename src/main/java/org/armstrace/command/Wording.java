package org.armstrace.command;

import java.util.List;

/**
 * A sentence kept as a code and its values, never as prose: the words come from the
 * bundles in the reader's language ({@link Words}). What the ledger keeps is the code and
 * the values; pages, PDFs and the API render them.
 */
public interface Wording {

	/** The bundle key of the sentence. */
	String messageKey();

	/**
	 * The values the sentence names, in the order of its placeholders {@code {0}, {1} …}.
	 */
	List<String> arguments();

}
