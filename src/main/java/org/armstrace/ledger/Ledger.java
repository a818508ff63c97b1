package org.armstrace.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

import org.armstrace.ledger.EntryStore.NodeRow;
import org.armstrace.ledger.merkle.Frontier;
import org.armstrace.ledger.merkle.Proofs;
import org.armstrace.ledger.merkle.TreeHasher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the log and serves its heads and proofs.
 * <p>
 * Appends join the caller's transaction: the entries and the caller's projection updates
 * commit together or not at all. The first append of a transaction locks the sequencer
 * row, so entries are numbered without gaps even with several application instances; the
 * lock is held until the transaction ends.
 */
@Service
public class Ledger {

	/** Batches at least this large are serialised and hashed in parallel. */
	private static final int PARALLEL_FROM = 256;

	private final EntryStore entries;

	private final CheckpointStore checkpoints;

	private final EntryCodec codec;

	private final Clock clock;

	private final Counter appended;

	/**
	 * The tree as of the last commit this instance saw; a transaction works on a copy.
	 */
	private final AtomicReference<Frontier> committed = new AtomicReference<>();

	Ledger(EntryStore entries, CheckpointStore checkpoints, EntryCodec codec, MeterRegistry meters) {
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.codec = codec;
		this.clock = Clock.systemUTC();
		this.appended = Counter.builder("armstrace.ledger.entries.appended")
			.description("Entries appended to the ledger (committed)")
			.register(meters);
	}

	/**
	 * Appends the events in order, as one batch, inside the current transaction (or a new
	 * one).
	 * @param actor who records them: an opaque user or system id, never a person's name
	 * @return the entries, numbered; they are on the ledger once the transaction commits
	 */
	@Transactional
	public List<LedgerEntry> append(String actor, List<? extends LedgerEvent> events) {
		Objects.requireNonNull(actor, "actor");
		if (actor.isBlank()) {
			throw new IllegalArgumentException("actor must not be blank");
		}
		PendingAppend pending = pendingAppend();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long first = pending.frontier.size();
		// Serialising and hashing entries is independent per entry: done on all cores for
		// large batches. Only the
		// tree (cheap) is built in order.
		IntStream indexes = IntStream.range(0, events.size());
		List<LedgerEntry> added = (events.size() >= PARALLEL_FROM ? indexes.parallel() : indexes)
			.mapToObj(i -> encode(first + i, now, actor, events.get(i)))
			.toList();
		List<NodeRow> nodes = new ArrayList<>(events.size() + 8);
		for (LedgerEntry entry : added) {
			pending.frontier.append(entry.leafHash(),
					(level, index, hash) -> nodes.add(new NodeRow(EntryStore.lastLeafOf(level, index), level, hash)));
		}
		entries.insert(added, nodes);
		pending.count += added.size();
		return added;
	}

	/**
	 * Takes the append lock now, in the current transaction, so that a command's checks
	 * and its append see the same state: no other writer can change the ledger (and so
	 * the projections) in between.
	 */
	@Transactional
	public void lockForAppend() {
		pendingAppend();
	}

	private LedgerEntry encode(long seq, Instant now, String actor, LedgerEvent event) {
		UUID eventId = UUID.randomUUID();
		byte[] bytes = codec.encode(seq, eventId, now, actor, event);
		return new LedgerEntry(seq, eventId, event.type(), event.schemaVersion(), now, actor, event.subjectId(), bytes,
				TreeHasher.leafHash(bytes));
	}

	/** One append of a single event. */
	@Transactional
	public LedgerEntry append(String actor, LedgerEvent event) {
		return append(actor, List.of(event)).getFirst();
	}

	private PendingAppend pendingAppend() {
		PendingAppend pending = (PendingAppend) TransactionSynchronizationManager.getResource(this);
		if (pending != null) {
			return pending;
		}
		entries.lockSequencer();
		long size = entries.size();
		Frontier known = committed.get();
		// Another instance (or a commit whose callback has not run yet) may have appended
		// since.
		Frontier frontier = known != null && known.size() == size ? known.copy()
				: Frontier.load(size, entries.nodeSource());
		PendingAppend fresh = new PendingAppend(frontier);
		TransactionSynchronizationManager.bindResource(this, fresh);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				committed.accumulateAndGet(fresh.frontier, (a, b) -> a == null || b.size() > a.size() ? b : a);
				appended.increment(fresh.count);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(Ledger.this);
			}
		});
		return fresh;
	}

	private static final class PendingAppend {

		final Frontier frontier;

		long count;

		PendingAppend(Frontier frontier) {
			this.frontier = frontier;
		}

	}

	/**
	 * Number of committed entries: one statement, without a transaction around it (every
	 * trace search asks).
	 */
	public long size() {
		return entries.size();
	}

	/**
	 * How many entries {@code actor} has recorded: where a generator that was interrupted
	 * resumes.
	 */
	@Transactional(readOnly = true)
	public long entriesRecordedBy(String actor) {
		return entries.countByActor(actor);
	}

	@Transactional(readOnly = true)
	public Optional<LedgerEntry> entry(long seq) {
		return entries.entry(seq);
	}

	/** Every entry about one subject (an item, a holder), oldest first. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> entriesAbout(String subjectId) {
		return entries.entriesAbout(subjectId);
	}

	/**
	 * Entries from {@code fromSeq} on, at most {@code limit}, oldest first: for
	 * projections catching up.
	 */
	@Transactional(readOnly = true)
	public List<LedgerEntry> entriesFrom(long fromSeq, int limit) {
		return entries.entriesFrom(fromSeq, limit);
	}

	/**
	 * Reads the whole ledger in order and hands every entry whose type is one of
	 * {@code types} to {@code apply}, as its record: what a projection's rebuild does.
	 * Runs in the caller's transaction.
	 * @return the number of entries applied
	 */
	public <E> long replay(Map<String, Class<? extends E>> types, JsonMapper json, BiConsumer<E, LedgerEntry> apply) {
		return replay(types, json, apply, Long.MAX_VALUE);
	}

	/**
	 * As {@link #replay(Map, JsonMapper, BiConsumer)}, stopping before entry
	 * {@code beforeSeq}: a rebuild up to the last entry that verifies.
	 */
	public <E> long replay(Map<String, Class<? extends E>> types, JsonMapper json, BiConsumer<E, LedgerEntry> apply,
			long beforeSeq) {
		long applied = 0;
		long next = 0;
		List<LedgerEntry> page;
		do {
			page = entriesFrom(next, REPLAY_PAGE);
			for (LedgerEntry entry : page) {
				if (entry.seq() >= beforeSeq) {
					return applied;
				}
				Class<? extends E> type = types.get(entry.type());
				if (type != null) {
					apply.accept(EventTypes.read(json, entry, type), entry);
					applied++;
				}
				next = entry.seq() + 1;
			}
		}
		while (page.size() == REPLAY_PAGE);
		return applied;
	}

	private static final int REPLAY_PAGE = 5_000;

	@Transactional(readOnly = true)
	public Optional<SignedCheckpoint> latestCheckpoint() {
		return checkpoints.latest();
	}

	@Transactional(readOnly = true)
	public Optional<SignedCheckpoint> checkpoint(long treeSize) {
		return checkpoints.ofSize(treeSize);
	}

	@Transactional(readOnly = true)
	public List<SignedCheckpoint> checkpoints(long fromSize, int limit) {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
		}
		return checkpoints.page(fromSize, limit);
	}

	/**
	 * Inclusion proof of entry {@code index} in the signed tree of {@code treeSize}
	 * entries (the latest signed tree when {@code treeSize} is null).
	 */
	@Transactional(readOnly = true)
	public InclusionProof inclusionProof(long index, Long treeSize) {
		SignedCheckpoint head = signedHead(treeSize);
		if (index < 0 || index >= head.treeSize()) {
			throw new IllegalArgumentException("index must be between 0 and " + (head.treeSize() - 1)
					+ " for tree size " + head.treeSize() + ", was " + index);
		}
		var source = entries.nodeSource();
		return new InclusionProof(index, head.treeSize(), base64(source.node(0, index)),
				base64(Proofs.inclusion(index, head.treeSize(), source)), head);
	}

	/**
	 * Consistency proof from the tree of {@code from} entries to the signed tree of
	 * {@code to} entries.
	 */
	@Transactional(readOnly = true)
	public ConsistencyProof consistencyProof(long from, Long to) {
		SignedCheckpoint head = signedHead(to);
		if (from < 1 || from > head.treeSize()) {
			throw new IllegalArgumentException(
					"from must be between 1 and " + head.treeSize() + " (the tree size of 'to'), was " + from);
		}
		return new ConsistencyProof(from, head.treeSize(),
				base64(Proofs.consistency(from, head.treeSize(), entries.nodeSource())), head);
	}

	private SignedCheckpoint signedHead(Long treeSize) {
		if (treeSize == null) {
			return checkpoints.latest().orElseThrow(() -> new NoSuchElementException("no checkpoint signed yet"));
		}
		return checkpoints.ofSize(treeSize)
			.orElseThrow(() -> new NoSuchElementException("no signed checkpoint of tree size " + treeSize
					+ "; proofs are served for signed sizes only (see /api/v1/ledger/heads)"));
	}

	private static String base64(byte[] hash) {
		return Base64.getEncoder().encodeToString(hash);
	}

	private static List<String> base64(List<byte[]> hashes) {
		return hashes.stream().map(Ledger::base64).toList();
	}

}
