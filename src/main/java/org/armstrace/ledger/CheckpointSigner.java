package org.armstrace.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.armstrace.ledger.merkle.Checkpoint;
import org.armstrace.ledger.merkle.InvalidNoteException;
import org.armstrace.ledger.merkle.InvalidProofException;
import org.armstrace.ledger.merkle.NodeSource;
import org.armstrace.ledger.merkle.ProofVerifier;
import org.armstrace.ledger.merkle.Proofs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Signs tree heads: the empty tree at first start, then at least every N entries (a head
 * at every multiple of N, so no two consecutive heads are further apart) and at least
 * every T while entries arrive. Before it signs a head it proves the new tree consistent
 * with the last head it signed, so it never signs a forked history.
 */
@Component
public class CheckpointSigner {

	private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

	private final EntryStore entries;

	private final CheckpointStore checkpoints;

	private final NodeKey key;

	private final LedgerProperties properties;

	private final Counter signed;

	private final Clock clock = Clock.systemUTC();

	private final SigningLeadership leadership;

	CheckpointSigner(EntryStore entries, CheckpointStore checkpoints, NodeKey key, LedgerProperties properties,
			MeterRegistry meters, SigningLeadership leadership) {
		this.leadership = leadership;
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.key = key;
		this.properties = properties;
		this.signed = Counter.builder("armstrace.ledger.checkpoints.signed")
			.description("Tree heads signed by this node")
			.register(meters);
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${armstrace.ledger.checkpoint-poll:500ms}")
	void signWhenDue() {
		// several instances on one database: only the one holding the signing lock signs
		if (!properties.signCheckpoints() || !leadership.leads()) {
			return;
		}
		try {
			signDue();
		}
		catch (RuntimeException e) {
			log.error("Could not sign a ledger checkpoint", e);
		}
	}

	/**
	 * Signs whatever heads are due now; returns the latest signed head. Runs without a
	 * transaction: it reads only committed, never-changing rows, and a head another
	 * instance signed first is simply taken.
	 */
	synchronized SignedCheckpoint signDue() {
		return signHeads(false);
	}

	/**
	 * Signs the current tree now, whatever the thresholds say (and every head due before
	 * it): before a backup or an audit, or when a caller needs a proof for an entry it
	 * has just written.
	 */
	public synchronized SignedCheckpoint signNow() {
		return signHeads(true);
	}

	private SignedCheckpoint signHeads(boolean now) {
		long size = entries.size();
		SignedCheckpoint latest = checkpoints.latest().orElse(null);
		if (latest != null && !signedByThisKey(latest)) {
			// another instance's key, or a restore without its key: signing on would
			// leave a ledger whose heads no one key verifies
			throw new IllegalStateException("the ledger's latest head (size " + latest.treeSize()
					+ ") was not signed by this instance's key: give every instance the node's own " + NodeKey.FILE_NAME
					+ " (ARMSTRACE_HOME), and restore it with the database");
		}
		if (latest == null) {
			latest = sign(0, null);
		}
		long every = properties.checkpointEveryEntries();
		while (size - latest.treeSize() > every) {
			latest = sign((latest.treeSize() / every + 1) * every, latest);
		}
		Duration age = Duration.between(latest.signedAt(), clock.instant());
		boolean due = now || size - latest.treeSize() >= every || age.compareTo(properties.checkpointEvery()) >= 0;
		if (size > latest.treeSize() && due) {
			latest = sign(size, latest);
		}
		return latest;
	}

	private boolean signedByThisKey(SignedCheckpoint head) {
		try {
			key.verifier().verify(head.note());
			return true;
		}
		catch (InvalidNoteException e) {
			return false;
		}
	}

	private SignedCheckpoint sign(long treeSize, SignedCheckpoint previous) {
		NodeSource source = entries.nodeSource();
		byte[] root = Proofs.root(treeSize, source);
		if (previous != null && previous.treeSize() > 0) {
			List<byte[]> proof = Proofs.consistency(previous.treeSize(), treeSize, source);
			try {
				ProofVerifier.verifyConsistency(previous.treeSize(), treeSize, proof, previous.rootHash(), root);
			}
			catch (InvalidProofException e) {
				throw new IllegalStateException("refusing to sign tree size " + treeSize
						+ ": it is not consistent with the head signed at size " + previous.treeSize() + ": "
						+ e.getMessage(), e);
			}
		}
		String note = key.signer().sign(new Checkpoint(properties.origin(), treeSize, root).body());
		SignedCheckpoint checkpoint = new SignedCheckpoint(treeSize, root,
				clock.instant().truncatedTo(ChronoUnit.MICROS), note);
		try {
			checkpoints.insert(checkpoint);
		}
		catch (DuplicateKeyException otherInstanceSignedIt) {
			return checkpoints.ofSize(treeSize).orElseThrow();
		}
		signed.increment();
		return checkpoint;
	}

}
