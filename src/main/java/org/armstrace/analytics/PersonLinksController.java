package org.armstrace.analytics;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.armstrace.command.Limits;
import org.armstrace.identity.AccessLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The link view of weapons, people and money, as a page and over the API: personal data,
 * so a purpose is required and written, with the name asked for, to the access log.
 */
@Controller
@Tag(name = "Analytics")
class PersonLinksController {

	/** The shortest name the link view looks for: shorter ones match too many. */
	static final int SHORTEST = 3;

	private final PersonLinks links;

	private final AccessLog accessLog;

	PersonLinksController(PersonLinks links, AccessLog accessLog) {
		this.links = links;
		this.accessLog = accessLog;
	}

	@Operation(summary = "Persons and companies whose name holds the text across holders, seizures, seized shipments "
			+ "and investigation cases, the registered firearms linking them and the cases with their money "
			+ "(personal data: the X-Access-Purpose header is required)")
	@GetMapping("/api/v1/analytics/links")
	@ResponseBody
	PersonLinks.Links links(@RequestParam(required = false) String name, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		String problem = problem(name, purpose);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return read(name, purpose, who);
	}

	@GetMapping("/analytics/links")
	String page(@RequestParam(required = false) String name, @RequestParam(required = false) String purpose,
			Principal who, Model model) {
		model.addAttribute("name", name);
		model.addAttribute("purpose", purpose);
		if (name != null || purpose != null) {
			String problem = problem(name, purpose);
			if (problem != null) {
				model.addAttribute("problem", problem.substring(0, problem.indexOf(':')));
			}
			else {
				model.addAttribute("links", read(name, purpose, who));
			}
		}
		return "analytics/links";
	}

	private PersonLinks.Links read(String name, String purpose, Principal who) {
		PersonLinks.Links found = links.of(name.trim());
		accessLog.record(who, AccessLog.Action.SEARCH, "links of persons", "name=" + name.trim(), purpose,
				found.size());
		return found;
	}

	/** What is wrong with the request, naming the field first; null when nothing is. */
	private static String problem(String name, String purpose) {
		if (name == null || name.isBlank() || name.trim().length() < SHORTEST) {
			return "name: give at least " + SHORTEST + " characters of a name (Size)";
		}
		if (name.length() > Limits.NAME) {
			return "name: at most " + Limits.NAME + " characters (Size)";
		}
		if (purpose == null || purpose.isBlank()) {
			return "purpose: state why you look for this person (e.g. a case number); it is written to the access "
					+ "log (" + AccessLog.PURPOSE_HEADER + " over the API)";
		}
		if (purpose.length() > Limits.TEXT) {
			return "purpose: at most " + Limits.TEXT + " characters (Size)";
		}
		return null;
	}

}
