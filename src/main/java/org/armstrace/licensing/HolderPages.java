package org.armstrace.licensing;

import java.security.Principal;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.Limits;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Role;
import org.armstrace.registry.HoldingRegisters;
import org.armstrace.registry.RegistryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A holder's page: its licences, the firearms it holds and its register of acquisitions
 * and disposals. The holder is its role and record id; its name, address and the names in
 * its register only where the reader states a purpose, which goes to the access log.
 */
@Controller
class HolderPages {

	/** The most firearms the page lists; the register holds the rest. */
	static final int FIREARMS_SHOWN = 1_000;

	/**
	 * The latest register lines the page shows; the API and CSV hold the whole register.
	 */
	static final int LINES_SHOWN = 200;

	private final RegistryQueries registry;

	private final HoldingRegisters registers;

	private final LicenceQueries licences;

	private final AccessLog accessLog;

	HolderPages(RegistryQueries registry, HoldingRegisters registers, LicenceQueries licences, AccessLog accessLog) {
		this.registry = registry;
		this.registers = registers;
		this.licences = licences;
		this.accessLog = accessLog;
	}

	@GetMapping("/holders/{id}")
	String holder(@PathVariable UUID id, @RequestParam(required = false) String purpose, Principal who, Model model) {
		RegistryQueries.HolderView holder = registry.holder(id)
			.orElseThrow(() -> new NoSuchElementException("no holder " + id));
		boolean stated = purpose != null && !purpose.isBlank() && purpose.length() <= Limits.TEXT;
		if (stated) {
			accessLog.record(who, AccessLog.Action.READ, "holder " + id, "name, address and register names", purpose,
					1);
		}
		model.addAttribute("holder", stated ? holder : holder.withoutIdentity());
		model.addAttribute("purpose", stated ? purpose : null);
		model.addAttribute("licences", licences.ofHolder(id));
		model.addAttribute("firearms", registry.firearmsHeldBy(id, FIREARMS_SHOWN));
		model.addAttribute("lines", registers.latest(id, LINES_SHOWN, stated));
		model.addAttribute("mayApply", Role.anyOf(who, Role.ADMIN, Role.LICENSING));
		model.addAttribute("mayRegister", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR));
		return "licensing/holder";
	}

}
