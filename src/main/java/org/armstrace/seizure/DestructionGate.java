package org.armstrace.seizure;

import static org.armstrace.seizure.RecoveryProtocol.blank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.command.Refusal;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.seizure.SeizureEvent.DestructionApproved;
import org.armstrace.seizure.SeizureEvent.DestructionProposed;
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
 * recorded; no active judicial hold. Two people: one proposes a batch, another approves
 * it, and only then is it carried out (both steps are on the ledger, with who and when).
 * A refusal lists every missing condition of every item; the registry records the
 * destruction of each firearm in the same transaction as the approval.
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

	/**
	 * Proposes a batch destruction: refused, with every missing condition of every item,
	 * unless all may be destroyed; nothing is destroyed until another person approves.
	 */
	public CommandResult propose(DestroyItems c, String actor) {
		return commands.run("propose-destruction", actor, null, c, () -> {
			LocalDate on = Checks.orToday(c.on());
			Checks checks = new Checks()
				.rule(c.itemIds() != null && !c.itemIds().isEmpty(), "itemIds", SeizureRule.ItemsRequired)
				.rule(!blank(c.method()), "method", SeizureRule.MethodRequired)
				.rule(c.witnesses() != null && c.witnesses().stream().anyMatch(w -> !blank(w)), "witnesses",
						SeizureRule.DestructionIsWitnessed)
				.notInFuture("on", c.on());
			for (UUID id : c.itemIds() == null ? List.<UUID>of() : c.itemIds()) {
				Optional<SeizureQueries.ItemRow> item = SeizureQueries.itemRow(jdbc, id);
				checks.rule(item.isPresent(), "itemIds", SeizureRule.ItemMustExist, id);
				item.ifPresent(found -> checks.addAll(missingForDestruction(found, on)));
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID proposal = UUID.randomUUID();
			return Decision.record(proposal, new DestructionProposed(proposal, List.copyOf(c.itemIds()),
					c.method().trim(), c.witnesses().stream().filter(w -> !blank(w)).map(String::trim).toList(), on));
		});
	}

	/**
	 * Approves a proposed destruction and carries it out: refused to its proposer, to a
	 * proposal already approved, and when an item may no longer be destroyed (a hold
	 * placed since, for one).
	 */
	public CommandResult approve(UUID proposalId, String actor) {
		return commands.run("approve-destruction", actor, null, () -> {
			Optional<Proposal> found = proposal(proposalId);
			if (found.isEmpty()) {
				return Decision.refuse("proposalId", SeizureRule.ProposalMustExist, proposalId);
			}
			Proposal p = found.get();
			Checks checks = new Checks()
				.rule(p.approvedBy() == null, "proposalId", SeizureRule.ProposalIsAwaitingApproval, proposalId)
				.rule(!p.proposedBy().equals(actor), "proposalId", CommonRule.ApproverIsNotTheProposer);
			List<SeizureQueries.ItemRow> items = new ArrayList<>();
			for (UUID id : p.itemIds()) {
				SeizureQueries.ItemRow item = SeizureQueries.itemRow(jdbc, id).orElseThrow();
				items.add(item);
				checks.addAll(missingForDestruction(item, p.on()));
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			return destroyAll(p, items, actor);
		});
	}

	private Decision<SeizureEvent> destroyAll(Proposal p, List<SeizureQueries.ItemRow> items, String actor) {
		List<SeizureEvent> events = new ArrayList<>();
		events.add(new DestructionApproved(p.id()));
		for (SeizureQueries.ItemRow item : items) {
			events.add(new SeizedItemDestroyed(item.id(), p.id(), p.method(), p.witnesses(), p.on()));
			if (item.firearmId() != null && item.kind() == ItemKind.FIREARM) {
				CommandResult onRegistry = firearms.destroy(item.firearmId(),
						new FirearmCommands.DestroyFirearm(p.method(), p.witnesses(), p.on()), actor, null);
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
		return Decision.record(p.id(), events);
	}

	/**
	 * A proposed destruction: who proposed it and when, and who approved it (null while
	 * it awaits approval); {@code proposedBy} and {@code approvedBy} are ledger actors.
	 */
	public record Proposal(UUID id, List<UUID> itemIds, String method, List<String> witnesses, LocalDate on,
			String proposedBy, OffsetDateTime proposedAt, String approvedBy, OffsetDateTime approvedAt) {
	}

	public Optional<Proposal> proposal(UUID id) {
		return jdbc.sql("SELECT * FROM destruction_proposal WHERE id = ?")
			.param(id)
			.query(this::proposalRow)
			.optional();
	}

	/** Proposals awaiting approval, oldest first. */
	public List<Proposal> awaitingApproval() {
		return jdbc.sql("SELECT * FROM destruction_proposal WHERE approved_by IS NULL ORDER BY proposed_at")
			.query(this::proposalRow)
			.list();
	}

	private Proposal proposalRow(ResultSet rs, int row) throws SQLException {
		return new Proposal(rs.getObject("id", UUID.class),
				Arrays.stream(rs.getString("item_ids").split(",")).map(UUID::fromString).toList(),
				rs.getString("method"), List.of(rs.getString("witnesses").split("\n")),
				rs.getObject("destroy_on", LocalDate.class), rs.getString("proposed_by"),
				rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("approved_by"),
				rs.getObject("approved_at", OffsetDateTime.class));
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
