package org.armstrace.command;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.ledger.LedgerEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out a command as one transaction: take the ledger's append lock; answer a retry
 * from its idempotency key; decide against the current state; append the events and
 * project them; write what the decision keeps off the ledger; remember the key. A refused
 * command writes nothing. A command run inside another command's transaction (a seizure
 * that records the registry's seizure of a firearm) joins it: the lock is already held,
 * and a refusal is the caller's to handle.
 * <p>
 * This is the only class that calls the ledger's append and lock (an architecture test
 * keeps it so).
 */
@Service
public class CommandKernel {

	public static final int MAX_KEY_LENGTH = 200;

	private final Ledger ledger;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	CommandKernel(Ledger ledger, JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * A module's way to run its commands: every command's events go to
	 * {@code projection}.
	 */
	public <E extends LedgerEvent> Commands<E> commandsFor(Projection<? super E> projection) {
		return new Commands<>(this, projection);
	}

	/** The commands of one module, bound to its projection. */
	public static final class Commands<E extends LedgerEvent> {

		private final CommandKernel kernel;

		private final Projection<? super E> projection;

		private Commands(CommandKernel kernel, Projection<? super E> projection) {
			this.kernel = kernel;
			this.projection = projection;
		}

		/**
		 * Runs one command.
		 * @param command the command's name, stored with its idempotency key
		 * @param actor who gives it: an opaque user or system id
		 * @param idempotencyKey the client's key, or null
		 * @param decide reads the current state, returns events or refusals; called with
		 * the lock held
		 */
		public CommandResult run(String command, String actor, String idempotencyKey, Supplier<Decision<E>> decide) {
			return kernel.run(command, actor, idempotencyKey, projection, decide);
		}

	}

	<E extends LedgerEvent> CommandResult run(String command, String actor, String idempotencyKey,
			Projection<? super E> projection, Supplier<Decision<E>> decide) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
			return CommandResult.Rejected.of("idempotencyKey", CommonRule.IdempotencyKeyFormat, MAX_KEY_LENGTH);
		}
		return transactions.execute(status -> {
			ledger.lockForAppend();
			if (idempotencyKey != null) {
				Optional<CommandResult> earlier = earlier(command, idempotencyKey);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			Decision<E> decision = decide.get();
			if (decision.refused()) {
				if (status.isNewTransaction()) {
					status.setRollbackOnly();
				}
				return new CommandResult.Rejected(decision.refusals());
			}
			List<Long> seqs = List.of();
			if (!decision.events().isEmpty()) {
				List<LedgerEntry> entries = ledger.append(actor, decision.events());
				projection.applyAll(decision.events(), entries);
				projection.caughtUpTo(entries.getLast().seq());
				seqs = entries.stream().map(LedgerEntry::seq).toList();
			}
			if (decision.offLedger() != null) {
				decision.offLedger().run();
			}
			if (idempotencyKey != null) {
				remember(idempotencyKey, command, decision.subjectId(), seqs);
			}
			return new CommandResult.Accepted(decision.subjectId(), seqs, false);
		});
	}

	private Optional<CommandResult> earlier(String command, String key) {
		return jdbc.sql("SELECT command, subject_id, ledger_seqs FROM command_key WHERE idempotency_key = ?")
			.param(key)
			.query((rs, n) -> {
				if (!rs.getString("command").equals(command)) {
					return (CommandResult) CommandResult.Rejected.of("idempotencyKey",
							CommonRule.IdempotencyKeyIsForOneCommand, rs.getString("command"));
				}
				String stored = rs.getString("ledger_seqs");
				List<Long> seqs = stored == null || stored.isEmpty() ? List.of()
						: Arrays.stream(stored.split(",")).map(Long::valueOf).toList();
				return new CommandResult.Accepted(rs.getObject("subject_id", UUID.class), seqs, true);
			})
			.optional();
	}

	private void remember(String key, String command, UUID subjectId, List<Long> seqs) {
		jdbc.sql("INSERT INTO command_key (idempotency_key, command, subject_id, ledger_seqs, recorded_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(key, command, subjectId, seqs.stream().map(String::valueOf).collect(Collectors.joining(",")),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Empties a projection and refills it from the whole ledger, under the append lock so
	 * that no writer changes the ledger while its tables are empty.
	 * @return the number of events applied
	 */
	public <E extends LedgerEvent> long rebuild(Projection<E> projection, Map<String, Class<? extends E>> types) {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			projection.reset();
			long[] last = { -1 };
			long applied = ledger.replay(types, json, (event, entry) -> {
				projection.apply(event, entry);
				last[0] = entry.seq();
			});
			if (last[0] >= 0) {
				projection.caughtUpTo(last[0]);
			}
			return applied;
		});
	}

}
