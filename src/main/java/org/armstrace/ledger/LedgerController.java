package org.armstrace.ledger;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

/**
 * The ledger over HTTP. Key, heads and proofs carry hashes only and are open to anyone
 * (witnesses, other States); entries and verify need a token (see the security
 * configuration).
 */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "Tamper-evident log: signed tree heads, proofs, verification")
class LedgerController {

	private final Ledger ledger;

	private final LedgerVerification verification;

	private final NodeKey key;

	private final ProjectionAudit projections;

	LedgerController(Ledger ledger, LedgerVerification verification, NodeKey key, ProjectionAudit projections) {
		this.projections = projections;
		this.ledger = ledger;
		this.verification = verification;
		this.key = key;
	}

	record KeyView(String name, String algorithm, String publicKey, String verifierKey) {
	}

	record HeadView(long treeSize, String rootHash, Instant signedAt, String note) {
		static HeadView of(SignedCheckpoint c) {
			return new HeadView(c.treeSize(), c.rootHashBase64(), c.signedAt(), c.note());
		}
	}

	record InclusionView(long index, long treeSize, String leafHash, List<String> proof, HeadView head) {
	}

	record ConsistencyView(long from, long to, List<String> proof, HeadView head) {
	}

	record EntryView(long seq, String eventId, String type, int schemaVersion, Instant recordedAt, String actor,
			String subjectId, String leafHash, String canonicalJson) {
	}

	record VerifyRequest(@Size(max = 4_000) String sinceHead) {
	}

	@Operation(summary = "The node's Ed25519 public key, also as a C2SP note verifier key")
	@GetMapping("/key")
	KeyView key() {
		return new KeyView(key.signer().keyName(), "Ed25519", key.publicKeyBase64(), key.verifierKey());
	}

	@Operation(summary = "The latest signed checkpoint as a C2SP signed note (text/plain), for witnesses")
	@GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	String checkpoint() {
		return latest().note();
	}

	@Operation(summary = "The latest signed tree head")
	@GetMapping("/heads/latest")
	HeadView latestHead() {
		return HeadView.of(latest());
	}

	@Operation(summary = "Signed tree heads from a tree size on, smallest first")
	@GetMapping("/heads")
	List<HeadView> heads(@RequestParam(defaultValue = "0") long fromSize,
			@RequestParam(defaultValue = "100") int limit) {
		return ledger.checkpoints(fromSize, limit).stream().map(HeadView::of).toList();
	}

	@Operation(summary = "The signed tree head of one tree size")
	@GetMapping("/heads/{treeSize}")
	HeadView head(@PathVariable long treeSize) {
		return ledger.checkpoint(treeSize)
			.map(HeadView::of)
			.orElseThrow(() -> new NoSuchElementException("no signed checkpoint of tree size " + treeSize));
	}

	@Operation(summary = "Inclusion proof of entry 'index' in a signed tree (the latest when treeSize is absent)")
	@GetMapping("/proofs/inclusion")
	InclusionView inclusion(@RequestParam long index, @RequestParam(required = false) Long treeSize) {
		InclusionProof p = ledger.inclusionProof(index, treeSize);
		return new InclusionView(p.index(), p.treeSize(), p.leafHash(), p.proof(), HeadView.of(p.checkpoint()));
	}

	@Operation(summary = "Consistency proof from tree size 'from' to a signed tree (the latest when 'to' is absent)")
	@GetMapping("/proofs/consistency")
	ConsistencyView consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
		ConsistencyProof p = ledger.consistencyProof(from, to);
		return new ConsistencyView(p.from(), p.to(), p.proof(), HeadView.of(p.checkpoint()));
	}

	@Operation(summary = "One entry with its canonical bytes (requires a token)")
	@GetMapping("/entries/{seq}")
	EntryView entry(@PathVariable long seq) {
		LedgerEntry e = ledger.entry(seq).orElseThrow(() -> new NoSuchElementException("no ledger entry " + seq));
		return new EntryView(e.seq(), e.eventId().toString(), e.type(), e.schemaVersion(), e.recordedAt(), e.actor(),
				e.subjectId(), Base64.getEncoder().encodeToString(e.leafHash()), e.json());
	}

	@Operation(summary = "Recompute the whole ledger and check every signed head (requires a token); "
			+ "with sinceHead, also prove the log extends that saved head")
	@PostMapping("/verify")
	ResponseEntity<VerificationReport> verify(@RequestBody(required = false) VerifyRequest request) {
		VerificationReport report = verification.verify(request == null ? null : request.sinceHead());
		return ResponseEntity.status(report.ok() ? 200 : 409).body(report);
	}

	@Operation(summary = "Rebuild every table the modules read from the ledger, in a transaction that is rolled "
			+ "back, and compare them row by row with the live tables (requires a token); 409 names each drift. "
			+ "Writers wait while it runs")
	@PostMapping("/projections/verify")
	ResponseEntity<ProjectionReport> verifyProjections() {
		ProjectionReport report = projections.check();
		return ResponseEntity.status(report.ok() ? 200 : 409).body(report);
	}

	@Operation(summary = "The last table check this server ran (requires a token); 404 before the first")
	@GetMapping("/projections/report")
	ProjectionReport lastProjectionReport() {
		return projections.lastReport()
			.orElseThrow(() -> new NoSuchElementException("no table check has run since this server started"));
	}

	private SignedCheckpoint latest() {
		return ledger.latestCheckpoint().orElseThrow(() -> new NoSuchElementException("no checkpoint signed yet"));
	}

}
