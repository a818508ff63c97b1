package org.armstrace.licensing;

import org.armstrace.registry.DeactivationCertificates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page anyone (a shop, a border guard, a buyer) opens without signing in to check a
 * document in hand: a licence by the verification code printed on it, a deactivation
 * certificate by its number and the firearm's serial. It answers what the public
 * endpoints answer, and nothing personal.
 */
@Controller
class PublicChecksPage {

	/** Longer texts are not a code, number or serial: answered as not found. */
	private static final int MAX_INPUT = 60;

	private final LicenceVerification licences;

	private final DeactivationCertificates certificates;

	PublicChecksPage(LicenceVerification licences, DeactivationCertificates certificates) {
		this.licences = licences;
		this.certificates = certificates;
	}

	@GetMapping("/checks")
	String checks(@RequestParam(required = false) String code, @RequestParam(required = false) String certificate,
			@RequestParam(required = false) String serial, Model model) {
		if (given(code)) {
			model.addAttribute("code", code);
			model.addAttribute("licence", code.length() > MAX_INPUT ? null : licences.verify(code.trim()).orElse(null));
		}
		if (given(certificate) && given(serial)) {
			model.addAttribute("certificateNumber", certificate);
			model.addAttribute("serial", serial);
			model.addAttribute("certificate", certificate.length() > MAX_INPUT || serial.length() > MAX_INPUT ? null
					: certificates.check(certificate.trim(), serial.trim()).orElse(null));
		}
		model.addAttribute("askedLicence", given(code));
		model.addAttribute("askedCertificate", given(certificate) && given(serial));
		return "licensing/checks";
	}

	private static boolean given(String text) {
		return text != null && !text.isBlank();
	}

}
