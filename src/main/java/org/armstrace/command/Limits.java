package org.armstrace.command;

/**
 * How long a text and how many entries a command may carry, so that every value is
 * bounded before any work is done: named here once, put on the commands' fields as
 * {@code @Size(max = Limits.NAME)} (which the API's OpenAPI document shows), and checked
 * by the kernel.
 */
public final class Limits {

	/** A name: a make, a model, an agency, a court, a unit, a person. */
	public static final int NAME = 200;

	/** A short name: a calibre, a region, a locality, a carrier, a unit. */
	public static final int SHORT = 100;

	/** A code given as text: a type or part kind, a role. */
	public static final int CODE = 20;

	/**
	 * A reference or number given by someone else: a licence, a case, a certificate, a
	 * report, a lot.
	 */
	public static final int REFERENCE = 100;

	/**
	 * A country as given, a name or a code: what it names is checked after this bound.
	 */
	public static final int COUNTRY = 60;

	/** A serial or marking as read or stamped. */
	public static final int MARKING = 100;

	/** Free text: a description, a reason, a note, an address. */
	public static final int TEXT = 500;

	/** Long free text: the circumstances of a recovery. */
	public static final int LONG_TEXT = 4_000;

	/** Entries of a small list: witnesses, transit countries, markings. */
	public static final int FEW = 20;

	/**
	 * Items or persons of one seizure, items of one destruction batch: a larger one is
	 * recorded in parts.
	 */
	public static final int ITEMS = 50;

	/** The most rounds of ammunition one command moves. */
	public static final long ROUNDS = 10_000_000;

	private Limits() {
	}

}
