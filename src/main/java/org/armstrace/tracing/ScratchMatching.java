package org.armstrace.tracing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.armstrace.command.Bounds;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.Names;

/**
 * The matching engine on a candidate index of its own, in a folder the caller gives,
 * filled by the caller rather than from the ledger: to measure the engine on a generated
 * registry (the tracing benchmark) without touching the product's index or records. Close
 * it to release the folder.
 */
public final class ScratchMatching implements AutoCloseable {

	private final FirearmIndex index;

	private final Tracing tracing;

	private long added;

	/**
	 * An empty index under {@code folder}: whatever was indexed there before is cleared.
	 * Observed countries are compared as codes, as the generated registry writes them.
	 */
	public ScratchMatching(Path folder, Catalogue catalogue, Bounds bounds) {
		this.index = new FirearmIndex(folder);
		this.index.clear();
		this.tracing = new Tracing(index, null, catalogue, null, bounds, Confusions.standard(), null);
	}

	/**
	 * Indexes a firearm under {@code id}; it can be found once {@link #commit()} has been
	 * called.
	 */
	public void add(String id, String recordNumber, String serial, String make, String model, String calibre,
			String type, String country, int year) {
		index.add(new IndexedRecord(id, recordNumber, null, serial, make, Names.makerKey(make), model, calibre, type,
				country, year, null, List.of()));
		added++;
	}

	/**
	 * Makes what was added searchable, merged into one segment as a bulk-loaded index is
	 * best searched.
	 */
	public void commit() {
		index.commit(added - 1);
		index.forceMerge();
	}

	/**
	 * Ranked candidates, exactly as {@link Tracing#match(ObservedMarkings, int)} ranks
	 * them.
	 */
	public Matches match(ObservedMarkings observed, int limit) {
		return tracing.match(observed, limit);
	}

	@Override
	public void close() throws IOException {
		index.close();
	}

}
