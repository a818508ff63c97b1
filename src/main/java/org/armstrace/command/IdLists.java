package org.armstrace.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Ids in lists of at most 500, for {@code IN (:ids)}: few round trips, and a list
 * PostgreSQL still answers through an index.
 */
public final class IdLists {

	/** The most ids one {@code IN} list holds. */
	public static final int SIZE = 500;

	private IdLists() {
	}

	public static List<List<UUID>> of(Collection<UUID> ids) {
		List<UUID> all = List.copyOf(ids);
		List<List<UUID>> lists = new ArrayList<>();
		for (int from = 0; from < all.size(); from += SIZE) {
			lists.add(all.subList(from, Math.min(all.size(), from + SIZE)));
		}
		return lists;
	}

}
