package org.armstrace.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Appended;
import org.armstrace.registry.RegistryEvent;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.seizure.InternationalCheck;
import org.armstrace.tracing.ObservedMarkings;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lost and stolen notices both ways. A loss or theft the registry records goes to every
 * peer, and its recovery withdraws it, in the transaction of the registry's fact; peers'
 * notices are kept here, and the recovery protocol's international step checks a seized
 * item against them, notifying the owning State of a hit in the seizure's transaction.
 */
@Component
class Notices implements InternationalCheck {

	/** A peer's notice, as kept here. */
	record ForeignNotice(String country, String reference, String serial, String make, String model, String calibre,
			String status, LocalDate reportedOn) {
	}

	/** A hit another State notified on one of this State's notices. */
	record HitNotified(String messageId, String country, String reference, String serial, String seizureReference) {
	}

	private final Exchange exchange;

	private final RegistryQueries registry;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Notices(Exchange exchange, RegistryQueries registry, JdbcClient jdbc, JsonMapper json) {
		this.exchange = exchange;
		this.registry = registry;
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventListener
	void onAppended(Appended appended) {
		for (var event : appended.events()) {
			switch (event) {
				case RegistryEvent.FirearmReportedLost e ->
					notice(e.firearmId(), "LOST", e.occurredOn(), MessageType.LOST_STOLEN_NOTICE);
				case RegistryEvent.FirearmReportedStolen e ->
					notice(e.firearmId(), "STOLEN", e.occurredOn(), MessageType.LOST_STOLEN_NOTICE);
				case RegistryEvent.FirearmRecovered e ->
					notice(e.firearmId(), null, e.occurredOn(), MessageType.NOTICE_WITHDRAWN);
				default -> {
				}
			}
		}
	}

	private void notice(UUID firearmId, String status, LocalDate on, MessageType type) {
		List<Exchange.Peer> peers = exchange.country().isEmpty() ? List.of() : exchange.peers();
		if (peers.isEmpty()) {
			return;
		}
		registry.firearmSummary(firearmId).ifPresent(f -> {
			ObjectNode body = json.createObjectNode()
				.put("reference", f.recordNumber())
				.put("serial", f.serial())
				.put("make", f.make())
				.put("model", f.model())
				.put("calibre", f.calibre())
				.put("type", f.type().name());
			if (status != null) {
				body.put("status", status).put("reportedOn", String.valueOf(on));
			}
			peers.forEach(peer -> exchange.send(type, peer.country(), body, "system:exchange"));
		});
	}

	@Override
	public Optional<Result> check(UUID itemId, ObservedMarkings observed, String seizureReference, String actor) {
		if (exchange.country().isEmpty()) {
			return Optional.empty();
		}
		int peers = exchange.peers().size();
		if (peers == 0) {
			return Optional.empty();
		}
		String key = ExchangeProjection.serialKey(observed.serial());
		List<ForeignNotice> matches = key.isEmpty() ? List.of() : jdbc.sql(
				"SELECT country, reference, serial, make, model, calibre, status, reported_on FROM foreign_lost_stolen "
						+ "WHERE serial_key = ? ORDER BY country, reference")
			.param(key)
			.query((rs, n) -> new ForeignNotice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)))
			.list()
			.stream()
			// where the officer read a make, a notice of another make is not this firearm
			.filter(n -> observed.make() == null || n.make() == null
					|| n.make().equalsIgnoreCase(observed.make().trim()))
			.toList();
		if (matches.isEmpty()) {
			return Optional.of(new Result(peers, null));
		}
		ForeignNotice hit = matches.getFirst();
		exchange.send(MessageType.HIT_NOTIFICATION, hit.country(),
				json.createObjectNode()
					.put("reference", hit.reference())
					.put("serial", hit.serial())
					.put("seizureReference", seizureReference),
				actor);
		return Optional.of(new Result(peers, new Hit(hit.country(), hit.reference(), hit.status())));
	}

	List<ForeignNotice> foreignNotices(int limit) {
		return jdbc.sql(
				"SELECT country, reference, serial, make, model, calibre, status, reported_on FROM foreign_lost_stolen "
						+ "ORDER BY reported_on DESC, country, reference FETCH FIRST " + Math.max(1, limit)
						+ " ROWS ONLY")
			.query((rs, n) -> new ForeignNotice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)))
			.list();
	}

	List<HitNotified> hits(int limit) {
		return jdbc
			.sql("SELECT message_id, country, reference, serial, seizure_reference FROM exchange_hit "
					+ "ORDER BY received_at DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.query((rs, n) -> new HitNotified(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

}
