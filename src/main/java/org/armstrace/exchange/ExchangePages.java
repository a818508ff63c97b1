package org.armstrace.exchange;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.tracing.Matches;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The focal point's pages: peers and what this node knows of their ledgers, the queue of
 * peers' trace requests and this State's own, a request with this registry's candidates
 * and the answer form, and the form that sends a request.
 */
@Controller
class ExchangePages {

	static final List<String> REQUEST_FIELDS = List.of("recipient", "serial", "make", "model", "calibre", "firearmType",
			"countryOfManufacture", "photographSha256", "reason", "circumstances", "contact");

	private final Exchange exchange;

	private final InternationalTracing tracing;

	private final Witness witness;

	private final Notices notices;

	private final Actors actors;

	private final AccessLog accessLog;

	ExchangePages(Exchange exchange, InternationalTracing tracing, Witness witness, Notices notices, Actors actors,
			AccessLog accessLog) {
		this.exchange = exchange;
		this.tracing = tracing;
		this.witness = witness;
		this.notices = notices;
		this.actors = actors;
		this.accessLog = accessLog;
	}

	@GetMapping("/exchange")
	String overview(Model model) {
		model.addAttribute("country", exchange.country().orElse(null));
		model.addAttribute("peers", witness.statuses());
		model.addAttribute("incoming", tracing.requests("IN", 200));
		model.addAttribute("outgoing", tracing.requests("OUT", 200));
		model.addAttribute("queue", tracing.queue());
		model.addAttribute("hits", notices.hits(50));
		model.addAttribute("notices", notices.foreignNotices(50));
		model.addAttribute("peerValues", Map.of());
		errors(List.of(), model);
		return "exchange/overview";
	}

	@PostMapping("/exchange/peers")
	String configurePeer(@RequestParam Map<String, String> form, Principal who, Model model) {
		CommandResult result = exchange.configurePeer(
				new Exchange.ConfigurePeer(form.get("country"), form.get("baseUrl"), form.get("verifierKey")),
				actors.of(who));
		if (result instanceof CommandResult.Accepted) {
			return "redirect:/exchange";
		}
		overview(model);
		model.addAttribute("peerValues", form);
		errors(((CommandResult.Rejected) result).violations(), model);
		return "exchange/overview";
	}

	@GetMapping("/exchange/trace-requests/new")
	String requestForm(Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("urgency", "ROUTINE");
		return requestForm(values, List.of(), model);
	}

	@PostMapping("/exchange/trace-requests/new")
	String request(@RequestParam Map<String, String> form, Principal who, Model model) {
		String hashes = form.get("photographSha256");
		List<String> photographs = hashes == null || hashes.isBlank() ? List.of()
				: List.of(hashes.trim().split("[\\s,]+"));
		CommandResult result = tracing.request(new InternationalTracing.RequestTrace(form.get("recipient"),
				form.get("serial"), form.get("make"), form.get("model"), form.get("calibre"), form.get("firearmType"),
				form.get("countryOfManufacture"), photographs, form.get("reason"), form.get("urgency"),
				form.get("circumstances"), form.get("contact")), actors.of(who));
		if (result instanceof CommandResult.Accepted accepted) {
			accessLog.record(who, AccessLog.Action.EXPORT, "international trace request", form.get("recipient"),
					"international tracing", 1);
			return "redirect:/exchange/trace-requests/"
					+ tracing.requestRecordedAt(accepted.ledgerSeqs().getFirst()).orElseThrow();
		}
		return requestForm(form, ((CommandResult.Rejected) result).violations(), model);
	}

	@GetMapping("/exchange/trace-requests/{id}")
	String request(@PathVariable String id, Model model) {
		return page(id, Map.of(), List.of(), model);
	}

	@PostMapping("/exchange/trace-requests/{id}/answer")
	String answer(@PathVariable String id, @RequestParam Map<String, String> form, Principal who, Model model) {
		Optional<InternationalTracing.InternationalRequest> request = tracing.request(id);
		if (request.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		CommandResult result = tracing.answer(id,
				new InternationalTracing.AnswerTrace(form.get("outcome"), form.get("recordNumber"), form.get("reason")),
				actors.of(who));
		if (result instanceof CommandResult.Accepted) {
			accessLog.record(who, AccessLog.Action.EXPORT, "international trace answer",
					request.get().peer() + " " + form.get("outcome"), "international tracing", 1);
			return "redirect:/exchange/trace-requests/" + id;
		}
		return page(id, form, ((CommandResult.Rejected) result).violations(), model);
	}

	private String page(String id, Map<String, String> values, List<Refusal> violations, Model model) {
		InternationalTracing.InternationalRequest request = tracing.request(id.length() > 40 ? "" : id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Matches matches = request.direction().equals("IN") ? tracing.candidates(request) : null;
		model.addAttribute("request", request);
		model.addAttribute("candidates", matches == null ? List.of() : matches.candidates());
		model.addAttribute("indexBehind", matches == null ? 0 : matches.indexBehind());
		model.addAttribute("open", request.direction().equals("IN")
				&& (request.state().equals("WAITING") || request.state().equals("DELAYED")));
		model.addAttribute("outcomes", List.of("FOUND", "NOT_FOUND", "REFUSED", "DELAYED"));
		model.addAttribute("values", values);
		errors(violations, model);
		return "exchange/request";
	}

	private String requestForm(Map<String, String> values, List<Refusal> violations, Model model) {
		model.addAttribute("values", values);
		model.addAttribute("fields", REQUEST_FIELDS);
		model.addAttribute("peers", exchange.peers());
		errors(violations, model);
		return "exchange/new-request";
	}

	private static void errors(List<Refusal> violations, Model model) {
		Map<String, List<Refusal>> errors = new LinkedHashMap<>();
		violations.forEach(v -> errors.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(v));
		model.addAttribute("violations", violations);
		model.addAttribute("fieldErrors", errors);
	}

}
