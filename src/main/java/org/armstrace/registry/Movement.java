package org.armstrace.registry;

/**
 * How a registry fact moved an item into or out of a holder's stock: the kinds of line a
 * dealer's register (EU Directive 2021/555 art. 10) holds.
 */
public enum Movement {

	/** Made by the holder: a firearm or part manufactured, an ammunition lot produced. */
	MADE,
	/** Imported by the holder. */
	IMPORTED,
	/** Acquired from another holder. */
	ACQUIRED,
	/** Disposed of to another holder. */
	DISPOSED,
	/** Exported from the holder's stock. */
	EXPORTED,
	/** Ammunition used up or destroyed by the holder. */
	CONSUMED,
	/** Reported lost while in the holder's stock. */
	LOST,
	/** Reported stolen while in the holder's stock. */
	STOLEN,
	/** Recovered after a loss or theft, back in the holder's stock. */
	RECOVERED,
	/** Seized from the holder's stock. */
	SEIZED,
	/** Destroyed while in the holder's stock. */
	DESTROYED;

	/** Whether the movement takes the item out of the holder's stock. */
	public boolean outgoing() {
		return switch (this) {
			case MADE, IMPORTED, ACQUIRED, RECOVERED -> false;
			default -> true;
		};
	}

}
