package org.armstrace.licensing;

import java.util.NoSuchElementException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public check of a licence document's code: no token, no personal data. */
@RestController
@Tag(name = "Licensing", description = "Licences to hold, collect, deal, make and broker, and their checks")
class LicenceVerificationController {

	private final LicenceVerification verification;

	LicenceVerificationController(LicenceVerification verification) {
		this.verification = verification;
	}

	@Operation(summary = "Check a licence document's code against the ledger: number, kind, categories, state, "
			+ "validity and the inclusion proof of its last fact (open to anyone)")
	@GetMapping("/api/v1/licence-verifications/{code}")
	LicenceVerification.Verified verify(@PathVariable String code) {
		if (code.length() > 40) {
			throw new IllegalArgumentException("code: a verification code has 16 characters, e.g. 1A2B-3C4D-5E6F-7G8H");
		}
		return verification.verify(code)
			.orElseThrow(() -> new NoSuchElementException("no licence document carries the code " + code));
	}

}
