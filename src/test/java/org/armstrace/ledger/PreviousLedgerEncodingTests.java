package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.armstrace.LedgerFixture;
import org.armstrace.registry.RegistryEvent;
import org.armstrace.seizure.SeizureEvent;
import org.armstrace.tracing.TracingEvent;
import org.junit.jupiter.api.Test;

/**
 * Entries written by an earlier version read into today's records, and those whose schema
 * version has not changed are encoded again to the very bytes that were hashed: the
 * ledger's encoding does not drift.
 */
class PreviousLedgerEncodingTests {

	@Test
	void everyEntryOfVersion01ReadsAndThoseOfUnchangedShapeEncodeToTheSameBytes() {
		Map<String, Class<? extends LedgerEvent>> types = new HashMap<>();
		types.putAll(RegistryEvent.TYPES);
		types.putAll(SeizureEvent.TYPES);
		types.putAll(TracingEvent.TYPES);
		EntryCodec codec = new EntryCodec();
		List<LedgerFixture.Entry> entries = LedgerFixture.read(LedgerFixture.V0_1);
		int same = 0;
		int newerShape = 0;
		for (LedgerFixture.Entry entry : entries) {
			Class<? extends LedgerEvent> type = types.get(entry.type());
			assertThat(type).as(entry.type()).isNotNull();
			LedgerEvent event = EntryCodec.LEDGER_JSON.treeToValue(entry.event(EntryCodec.LEDGER_JSON), type);
			if (event.schemaVersion() != entry.schemaVersion()) {
				newerShape++;
				continue;
			}
			byte[] again = codec.encode(entry.seq(), entry.eventId(), entry.recordedAt(), entry.actor(), event);
			assertThat(new String(again, StandardCharsets.UTF_8)).as("entry %d", entry.seq())
				.isEqualTo(new String(entry.bytes(), StandardCharsets.UTF_8));
			same++;
		}
		assertThat(same + newerShape).isEqualTo(2_214);
		// recovery steps and trace answers are held as codes since: version 2
		assertThat(newerShape).isEqualTo(298 + 14);
	}

}
