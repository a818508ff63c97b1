package org.armstrace.command;

/**
 * A named rule a command can break. Each module lists its rules as the constants of one
 * enum implementing this interface; the constant's name is the rule's name on the API, in
 * the rejects file and in the bundles ({@code rule.<name>}), so a rule is spelled once.
 */
public interface Rule {

	/** The rule's name, e.g. {@code MarkingIsUnique}. */
	String name();

}
