package org.armstrace.command;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.ledger.LedgerEvent;
import org.springframework.context.ApplicationEventPublisher;
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

	private final Bounds bounds;

	private final ApplicationEventPublisher publisher;

	CommandKernel(Ledger ledger, JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Bounds bounds,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.bounds = bounds;
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
		 * @param request what the client sent (the command record, or its parts such as
		 * the subject's id and the body): its bounds are checked before anything else,
		 * and a retry under the same key must send the same
		 * @param decide reads the current state, returns events or refusals; called with
		 * the lock held
		 */
		public CommandResult run(String command, String actor, String idempotencyKey, Object request,
				Supplier<Decision<E>> decide) {
			return kernel.run(new Call(command, actor, idempotencyKey, request), projection, decide);
		}

		/**
		 * Runs a command that carries no request of a client (generated data, a
		 * benchmark).
		 */
		public CommandResult run(String command, String actor, String idempotencyKey, Supplier<Decision<E>> decide) {
			return run(command, actor, idempotencyKey, null, decide);
		}

	}

	/**
	 * One call of a command: its name, who gives it, the client's key and what the client
	 * sent.
	 */
	private record Call(String command, String actor, String key, Object request) {
	}

	<E extends LedgerEvent> CommandResult run(Call call, Projection<? super E> projection,
			Supplier<Decision<E>> decide) {
		if (call.key() != null && (call.key().isBlank() || call.key().length() > MAX_KEY_LENGTH)) {
			return CommandResult.Rejected.of("idempotencyKey", CommonRule.IdempotencyKeyFormat, MAX_KEY_LENGTH);
		}
		List<Refusal> outOfBounds = bounds.of(call.request());
		if (!outOfBounds.isEmpty()) {
			return new CommandResult.Rejected(outOfBounds);
		}
		String fingerprint = call.key() == null ? null : fingerprint(call);
		return transactions.execute(status -> {
			ledger.lockForAppend();
			if (call.key() != null) {
				Optional<CommandResult> earlier = earlier(call, fingerprint);
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
				List<LedgerEntry> entries = ledger.append(call.actor(), decision.events());
				projection.applyAll(decision.events(), entries);
				projection.caughtUpTo(entries.getLast().seq());
				seqs = entries.stream().map(LedgerEntry::seq).toList();
				publisher.publishEvent(new Appended(decision.events(), entries));
			}
			if (decision.offLedger() != null) {
				decision.offLedger().run();
			}
			if (call.key() != null) {
				remember(call, fingerprint, decision.subjectId(), seqs);
			}
			return new CommandResult.Accepted(decision.subjectId(), seqs, false);
		});
	}

	/**
	 * A key is one user's: the same key from another user is another command. Under it,
	 * another command or another request is refused rather than answered with the first
	 * one's result.
	 */
	private Optional<CommandResult> earlier(Call call, String fingerprint) {
		// a key stored before keys were scoped ('*') still answers a retry from anyone
		return jdbc
			.sql("SELECT command, fingerprint, subject_id, ledger_seqs FROM command_key "
					+ "WHERE idempotency_key = ? AND actor IN (?, '*') "
					+ "ORDER BY CASE WHEN actor = '*' THEN 1 ELSE 0 END FETCH FIRST 1 ROWS ONLY")
			.params(call.key(), call.actor())
			.query((rs, n) -> {
				if (!rs.getString("command").equals(call.command())) {
					return (CommandResult) CommandResult.Rejected.of("idempotencyKey",
							CommonRule.IdempotencyKeyIsForOneCommand, rs.getString("command"));
				}
				String earlier = rs.getString("fingerprint");
				if (earlier != null && !earlier.equals(fingerprint)) {
					return CommandResult.Rejected.of("idempotencyKey", CommonRule.IdempotencyKeyIsForOneRequest);
				}
				String stored = rs.getString("ledger_seqs");
				List<Long> seqs = stored == null || stored.isEmpty() ? List.of()
						: Arrays.stream(stored.split(",")).map(Long::valueOf).toList();
				return new CommandResult.Accepted(rs.getObject("subject_id", UUID.class), seqs, true);
			})
			.optional();
	}

	/** What the client sent, as a SHA-256 of its JSON: a retry sends the same. */
	private String fingerprint(Call call) {
		try {
			byte[] sent = json.writeValueAsBytes(call.request() == null ? List.of() : call.request());
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private void remember(Call call, String fingerprint, UUID subjectId, List<Long> seqs) {
		jdbc.sql("INSERT INTO command_key (actor, idempotency_key, command, fingerprint, subject_id, ledger_seqs, "
				+ "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(call.actor(), call.key(), call.command(), fingerprint, subjectId,
					seqs.stream().map(String::valueOf).collect(Collectors.joining(",")),
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Runs work in a transaction of its own under the ledger's append lock, so that no
	 * writer runs meanwhile: for a module writing rows that writers also write (a first
	 * listing of what existed before), never to append.
	 */
	public void underAppendLock(Runnable work) {
		transactions.executeWithoutResult(status -> {
			ledger.lockForAppend();
			work.run();
		});
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
