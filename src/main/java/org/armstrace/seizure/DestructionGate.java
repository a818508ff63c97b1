package org.armstrace.seizure;

import static org.armstrace.seizure.RecoveryProtocol.blank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.command.Refusal;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.seizure.SeizureEvent.SeizedItemDestroyed;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The destruction of seized items, in batches, only when every item may be destroyed: its
 * trace answered, or closed as unresolved with a reason, or an ISACS 05.31 exception
 * recorded; no active judicial hold. A refusal lists every missing condition of every
 * item; the registry records the destruction of each firearm in the same transaction.
 */
@Service
public class DestructionGate {

	public record DestroyItems(@Size(max = Limits.ITEMS) List<@NotNull UUID> itemIds,
			@Size(max = Limits.NAME) String method,
			@Size(max = Limits.FEW) List<@NotNull @Size(max = Limits.NAME) String> witnesses,
			@PlausibleDate LocalDate on) {
	}

	private final CommandKernel.Commands<SeizureEvent> commands;

	private final JdbcClient jdbc;

	private final TraceRequestQueries traces;

	private final FirearmCommands firearms;

	DestructionGate(CommandKernel kernel, SeizureProjection projection, JdbcClient jdbc, TraceRequestQueries traces,
			FirearmCommands firearms) {
		this.commands = kernel.commandsFor(projection);
		this.jdbc = jdbc;
		this.traces = traces;
		this.firearms = firearms;
	}

	public CommandResult destroy(DestroyItems c, String actor) {
		return commands.run("destroy-seized-items", actor, null, c, () -> {
			LocalDate on = Checks.orToday(c.on());
			Checks checks = new Checks()
				.rule(c.itemIds() != null && !c.itemIds().isEmpty(), "itemIds", SeizureRule.ItemsRequired)
				.rule(!blank(c.method()), "method", SeizureRule.MethodRequired)
				.rule(c.witnesses() != null && c.witnesses().stream().anyMatch(w -> !blank(w)), "witnesses",
						SeizureRule.DestructionIsWitnessed)
				.notInFuture("on", c.on());
			List<SeizureQueries.ItemRow> items = new ArrayList<>();
			for (UUID id : c.itemIds() == null ? List.<UUID>of() : c.itemIds()) {
				Optional<SeizureQueries.ItemRow> item = SeizureQueries.itemRow(jdbc, id);
				checks.rule(item.isPresent(), "itemIds", SeizureRule.ItemMustExist, id);
				item.ifPresent(found -> {
					items.add(found);
					checks.addAll(missingForDestruction(found, on));
				});
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			return destroyAll(items, c, on, actor);
		});
	}

	private Decision<SeizureEvent> destroyAll(List<SeizureQueries.ItemRow> items, DestroyItems c, LocalDate on,
			String actor) {
		UUID batch = UUID.randomUUID();
		List<String> witnesses = c.witnesses().stream().filter(w -> !blank(w)).map(String::trim).toList();
		List<SeizureEvent> events = new ArrayList<>();
		for (SeizureQueries.ItemRow item : items) {
			events.add(new SeizedItemDestroyed(item.id(), batch, c.method().trim(), witnesses, on));
			if (item.firearmId() != null && item.kind() == ItemKind.FIREARM) {
				CommandResult onRegistry = firearms.destroy(item.firearmId(),
						new FirearmCommands.DestroyFirearm(c.method().trim(), witnesses, on), actor, null);
				if (onRegistry instanceof CommandResult.Rejected r) {
					// the registry's refusal undoes what this batch already recorded
					// there
					return Decision.refuse(r.violations()
						.stream()
						.map(v -> Refusal.of("itemIds", SeizureRule.RegistryRefusesDestruction, item.reference(),
								v.rule().name()))
						.toList());
				}
			}
		}
		return Decision.record(batch, events);
	}

	/**
	 * What an item still misses before it may be destroyed on a day; empty when the item
	 * does not exist.
	 */
	public Optional<List<Refusal>> missingForDestruction(UUID itemId, LocalDate on) {
		return SeizureQueries.itemRow(jdbc, itemId).map(item -> missingForDestruction(item, on));
	}

	/**
	 * Every condition an item still misses before it may be destroyed, each naming the
	 * item.
	 */
	List<Refusal> missingForDestruction(SeizureQueries.ItemRow item, LocalDate on) {
		String ref = item.reference();
		if (CustodyStatus.DESTROYED.name().equals(item.custodyStatus())) {
			return List.of(Refusal.of("itemIds", SeizureRule.NotDestroyed, ref, item.destroyedOn()));
		}
		List<Refusal> missing = new ArrayList<>();
		if (CustodyStatus.RETURNED.name().equals(item.custodyStatus())) {
			missing.add(Refusal.of("itemIds", SeizureRule.InCustody, ref));
		}
		if (item.kind() != ItemKind.AMMUNITION && item.traceException() == null) {
			if (item.traceRequestId() == null) {
				missing.add(Refusal.of("itemIds", SeizureRule.TraceOpenedBeforeDestruction, ref));
			}
			else {
				TraceRequestQueries.TraceRequestView trace = traces.find(item.traceRequestId()).orElseThrow();
				boolean done = trace.state() == TraceRequestState.ANSWERED || trace.state() == TraceRequestState.CLOSED;
				if (!done) {
					missing.add(Refusal.of("itemIds", SeizureRule.TracedBeforeDestruction, ref, trace.reference(),
							trace.state()));
				}
			}
		}
		for (SeizureQueries.Hold hold : SeizureQueries.holds(jdbc, item.id())) {
			if (hold.activeOn(on)) {
				missing.add(Refusal.of("itemIds", SeizureRule.NoActiveJudicialHold, ref, hold.caseReference(),
						hold.court(), hold.until() == null ? "INDEFINITELY" : hold.until()));
			}
		}
		return missing;
	}

}
