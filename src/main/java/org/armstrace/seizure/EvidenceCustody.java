package org.armstrace.seizure;

import static org.armstrace.seizure.RecoveryProtocol.blank;
import static org.armstrace.seizure.RecoveryProtocol.trim;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.seizure.SeizureEvent.CustodyEventRecorded;
import org.armstrace.seizure.SeizureEvent.JudicialHoldPlaced;
import org.armstrace.seizure.SeizureEvent.JudicialHoldReleased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;

/**
 * The evidence custody of seized items: where each is and who holds it, and the judicial
 * holds on it.
 */
@Service
public class EvidenceCustody {

	public record RecordCustodyEvent(CustodyEventKind kind, @Size(max = Limits.NAME) String location,
			@Size(max = Limits.NAME) String custodian, @PlausibleDate LocalDate on,
			@Size(max = Limits.TEXT) String note) {
	}

	public record PlaceHold(@Size(max = Limits.REFERENCE) String caseReference, @Size(max = Limits.NAME) String court,
			@PlausibleDate LocalDate placedOn, @PlausibleDate LocalDate until) {
	}

	public record ReleaseHold(UUID holdId, @PlausibleDate LocalDate releasedOn,
			@Size(max = Limits.TEXT) String reason) {
	}

	private final CommandKernel.Commands<SeizureEvent> commands;

	private final JdbcClient jdbc;

	EvidenceCustody(CommandKernel kernel, SeizureProjection projection, JdbcClient jdbc) {
		this.commands = kernel.commandsFor(projection);
		this.jdbc = jdbc;
	}

	public CommandResult recordCustodyEvent(UUID itemId, RecordCustodyEvent c, String actor) {
		return onItem("record-custody-event", itemId, c, actor, item -> {
			Checks checks = new Checks()
				.rule(c.kind() != null, "kind", SeizureRule.KindRequired, List.of(CustodyEventKind.values()))
				.rule(!(c.kind() == CustodyEventKind.CHECKED_IN || c.kind() == CustodyEventKind.MOVED)
						|| !blank(c.location()), "location", SeizureRule.LocationRequired)
				.notInFuture("on", c.on());
			notDestroyed(item, checks);
			return checks.failed() ? checks.refuse() : Decision.record(itemId, new CustodyEventRecorded(itemId,
					c.kind(), trim(c.location()), trim(c.custodian()), Checks.orToday(c.on()), trim(c.note())));
		});
	}

	public CommandResult placeHold(UUID itemId, PlaceHold c, String actor) {
		return onItem("place-judicial-hold", itemId, c, actor, item -> {
			LocalDate placed = Checks.orToday(c.placedOn());
			Checks checks = new Checks().rule(!blank(c.caseReference()), "caseReference", SeizureRule.CaseRequired)
				.rule(!blank(c.court()), "court", SeizureRule.CourtRequired)
				.notInFuture("placedOn", c.placedOn())
				.inOrder("until", placed, c.until(), "placedOn");
			notDestroyed(item, checks);
			return checks.failed() ? checks.refuse() : Decision.record(itemId, new JudicialHoldPlaced(itemId,
					UUID.randomUUID(), c.caseReference().trim(), c.court().trim(), placed, c.until()));
		});
	}

	public CommandResult releaseHold(UUID itemId, ReleaseHold c, String actor) {
		return onItem("release-judicial-hold", itemId, c, actor, item -> {
			Optional<Boolean> released = c.holdId() == null ? Optional.empty()
					: jdbc.sql("SELECT released_on IS NOT NULL FROM judicial_hold WHERE id = ? AND item_id = ?")
						.params(c.holdId(), itemId)
						.query(Boolean.class)
						.optional();
			if (released.isEmpty()) {
				return Decision.refuse("holdId", SeizureRule.HoldMustExist, c.holdId());
			}
			if (released.get()) {
				return Decision.refuse("holdId", SeizureRule.NotReleased, c.holdId());
			}
			if (blank(c.reason())) {
				return Decision.refuse("reason", SeizureRule.ReasonRequired);
			}
			return Decision.record(itemId,
					new JudicialHoldReleased(itemId, c.holdId(), Checks.orToday(c.releasedOn()), c.reason().trim()));
		});
	}

	private static void notDestroyed(SeizureQueries.ItemRow item, Checks checks) {
		checks.rule(!CustodyStatus.DESTROYED.name().equals(item.custodyStatus()), "itemId", SeizureRule.NotDestroyed,
				item.reference(), item.destroyedOn());
	}

	private CommandResult onItem(String command, UUID itemId, Object body, String actor,
			Function<SeizureQueries.ItemRow, Decision<SeizureEvent>> decide) {
		return commands.run(command, actor, null, Arrays.asList(itemId, body),
				() -> SeizureQueries.itemRow(jdbc, itemId)
					.map(decide)
					.orElseGet(() -> Decision.refuse("itemId", SeizureRule.ItemMustExist, itemId)));
	}

}
