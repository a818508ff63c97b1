package org.armstrace.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.armstrace.ledger.InclusionProof;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.licensing.LicenceQueries.LicenceView;
import org.springframework.stereotype.Service;

/**
 * What anyone holding a licence document may check with its code: the licence's number,
 * kind, categories, state and validity as the ledger records them, and the inclusion
 * proof of its last fact in the ledger's latest signed tree (to check against the node's
 * public key). No personal data: not even the holder's id.
 */
@Service
public class LicenceVerification {

	/**
	 * The answer.
	 *
	 * @param validToday granted and within its validity today
	 * @param lastFactSeq the ledger entry of the licence's last step
	 * @param proof that entry's inclusion proof in the latest signed tree; null while it
	 * awaits its first signed head
	 */
	public record Verified(String number, LicenceKind kind, LicenceState state, List<Coverage> coverage,
			String issuingAuthority, LocalDate issuedOn, LocalDate validUntil, boolean validToday, long lastFactSeq,
			String lastFactType, Instant lastFactRecordedAt, InclusionProof proof) {
	}

	private final LicenceQueries queries;

	private final Ledger ledger;

	LicenceVerification(LicenceQueries queries, Ledger ledger) {
		this.queries = queries;
		this.ledger = ledger;
	}

	public Optional<Verified> verify(String code) {
		return queries.byVerificationCode(VerificationCode.normalise(code))
			.filter(l -> l.number() != null)
			.map(this::verified);
	}

	private Verified verified(LicenceView l) {
		LedgerEntry last = ledger.entriesAbout(l.id().toString()).getLast();
		long signed = ledger.latestCheckpoint().map(c -> c.treeSize()).orElse(0L);
		InclusionProof proof = last.seq() < signed ? ledger.inclusionProof(last.seq(), null) : null;
		return new Verified(l.number(), l.kind(), l.state(), l.coverage(), l.issuingAuthority(), l.issuedOn(),
				l.validUntil(), l.validOn(LocalDate.now()), last.seq(), last.type(), last.recordedAt(), proof);
	}

}
