package org.armstrace.registry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out one registry command as one transaction: answer a retry from its idempotency key; take the ledger's
 * append lock; check the rules against the current state; append the events and update the projections; remember
 * the key. A rejected command writes nothing.
 */
@Component
class CommandRunner {

	/** What a command decided: the events to record about a subject, or the rules it broke. */
	record Decision(UUID subjectId, List<? extends RegistryEvent> events, List<Violation> violations) {

		static Decision record(UUID subjectId, RegistryEvent... events) {
			return new Decision(subjectId, List.of(events), List.of());
		}

		static Decision reject(List<Violation> violations) {
			return new Decision(null, List.of(), violations);
		}

	}

	static final int MAX_KEY_LENGTH = 200;

	private final Ledger ledger;

	private final RegistryProjection projection;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	CommandRunner(Ledger ledger, RegistryProjection projection, JdbcClient jdbc, TransactionTemplate transactions) {
		this.ledger = ledger;
		this.projection = projection;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	CommandResult run(String command, String actor, String idempotencyKey, Supplier<Decision> decide) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
			return new CommandResult.Rejected(List.of(new Violation("idempotencyKey", "IdempotencyKeyFormat",
					"the idempotency key must be 1 to " + MAX_KEY_LENGTH + " characters")));
		}
		return transactions.execute(status -> {
			ledger.lockForAppend();
			if (idempotencyKey != null) {
				Optional<CommandResult> earlier = earlier(command, idempotencyKey);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			Decision decision = decide.get();
			if (!decision.violations().isEmpty()) {
				return new CommandResult.Rejected(decision.violations());
			}
			List<LedgerEntry> entries = ledger.append(actor, decision.events());
			for (int i = 0; i < entries.size(); i++) {
				projection.apply(decision.events().get(i), entries.get(i).seq());
			}
			List<Long> seqs = entries.stream().map(LedgerEntry::seq).toList();
			projection.advanceTo(seqs.getLast());
			if (idempotencyKey != null) {
				jdbc.sql("INSERT INTO registry_command (idempotency_key, command, subject_id, ledger_seqs, recorded_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
					.params(idempotencyKey, command, decision.subjectId(),
							seqs.stream().map(String::valueOf).collect(Collectors.joining(",")),
							OffsetDateTime.now(ZoneOffset.UTC))
					.update();
			}
			return new CommandResult.Accepted(decision.subjectId(), seqs, false);
		});
	}

	private Optional<CommandResult> earlier(String command, String key) {
		return jdbc.sql("SELECT command, subject_id, ledger_seqs FROM registry_command WHERE idempotency_key = ?")
			.param(key)
			.query((rs, n) -> {
				if (!rs.getString("command").equals(command)) {
					return (CommandResult) new CommandResult.Rejected(List.of(new Violation("idempotencyKey",
							"IdempotencyKeyIsForOneCommand", "this idempotency key was already used for a "
									+ rs.getString("command") + " command")));
				}
				List<Long> seqs = Arrays.stream(rs.getString("ledger_seqs").split(",")).map(Long::valueOf).toList();
				return new CommandResult.Accepted(rs.getObject("subject_id", UUID.class), seqs, true);
			})
			.optional();
	}

}
