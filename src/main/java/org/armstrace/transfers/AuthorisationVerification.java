package org.armstrace.transfers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.armstrace.ledger.InclusionProof;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.licensing.VerificationCode;
import org.armstrace.transfers.AuthorisationQueries.AuthorisationView;
import org.springframework.stereotype.Service;

/**
 * The public check of an authorisation document's code, for a border guard or the other
 * State's customs: number, kind, state, route, validity, the lines with what has been
 * shipped and received, and the inclusion proof of its last fact. No applicant, no
 * recipient, no end user.
 */
@Service
public class AuthorisationVerification {

	public record VerifiedLine(int lineNo, LineKind kind, String description, long quantity, long shipped,
			long received) {
	}

	public record Verified(String number, TransferKind kind, AuthorisationState state, String exportCountry,
			String importCountry, List<String> transitCountries, LocalDate issuedOn, LocalDate validUntil,
			boolean validToday, List<VerifiedLine> lines, long lastFactSeq, String lastFactType,
			Instant lastFactRecordedAt, InclusionProof proof) {
	}

	private final AuthorisationQueries queries;

	private final Ledger ledger;

	AuthorisationVerification(AuthorisationQueries queries, Ledger ledger) {
		this.queries = queries;
		this.ledger = ledger;
	}

	public Optional<Verified> verify(String code) {
		return queries.byVerificationCode(VerificationCode.normalise(code))
			.filter(a -> a.number() != null)
			.map(this::verified);
	}

	private Verified verified(AuthorisationView a) {
		LedgerEntry last = ledger.entriesAbout(a.id().toString()).getLast();
		long signed = ledger.latestCheckpoint().map(c -> c.treeSize()).orElse(0L);
		InclusionProof proof = last.seq() < signed ? ledger.inclusionProof(last.seq(), null) : null;
		LocalDate today = LocalDate.now();
		return new Verified(a.number(), a.kind(), a.state(), a.exportCountry(), a.importCountry(), a.transitCountries(),
				a.issuedOn(), a.validUntil(),
				a.state() == AuthorisationState.GRANTED && !today.isBefore(a.issuedOn())
						&& !today.isAfter(a.validUntil()),
				a.lines()
					.stream()
					.map(l -> new VerifiedLine(l.lineNo(), l.kind(), l.description(), l.quantity(), l.shipped(),
							l.received()))
					.toList(),
				last.seq(), last.type(), last.recordedAt(), proof);
	}

}
