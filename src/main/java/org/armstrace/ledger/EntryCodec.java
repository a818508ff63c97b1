package org.armstrace.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an event into the bytes that are hashed: the RFC 8785 canonical form of its
 * entry, so that anyone can re-serialise an entry and get the same hash. Integers above
 * 2^53 do not survive RFC 8785's number rules: events carry large numbers as strings.
 */
@Component
class EntryCodec {

	/**
	 * The ledger's own mapper, not the application's: what is hashed must not change when
	 * the API's JSON does (extra properties, other settings). Absent values are left out,
	 * as the entries written so far do.
	 */
	static final JsonMapper LEDGER_JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private final JsonMapper json = LEDGER_JSON;

	byte[] encode(long seq, UUID eventId, Instant recordedAt, String actor, LedgerEvent event) {
		ObjectNode entry = json.createObjectNode();
		entry.put("seq", seq);
		entry.put("eventId", eventId.toString());
		entry.put("type", event.type());
		entry.put("schemaVersion", event.schemaVersion());
		entry.put("recordedAt", recordedAt.toString());
		entry.put("actor", actor);
		if (event.subjectId() != null) {
			entry.put("subjectId", event.subjectId());
		}
		entry.set("event", json.valueToTree(event));
		try {
			return new JsonCanonicalizer(json.writeValueAsString(entry)).getEncodedUTF8();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot canonicalise ledger entry " + seq, e);
		}
	}

}
