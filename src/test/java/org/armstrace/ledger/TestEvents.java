package org.armstrace.ledger;

import java.util.List;
import java.util.stream.IntStream;

/** Events for ledger tests: shaped like a life-cycle fact, about a made-up item. */
public final class TestEvents {

	public record ItemRecorded(String subjectId, String serial, String note) implements LedgerEvent {

		@Override
		public String type() {
			return "test.item-recorded";
		}

		@Override
		public int schemaVersion() {
			return 1;
		}

	}

	public static ItemRecorded item(int n) {
		return new ItemRecorded("item-" + n, "SYN" + String.format("%06d", n), "synthetic test item " + n);
	}

	public static List<ItemRecorded> items(int from, int count) {
		return IntStream.range(from, from + count).mapToObj(TestEvents::item).toList();
	}

	private TestEvents() {
	}

}
