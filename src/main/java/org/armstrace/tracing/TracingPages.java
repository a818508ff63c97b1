package org.armstrace.tracing;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.FormFields;
import org.armstrace.command.Refusal;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.RegistryQueries;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tools.jackson.databind.json.JsonMapper;

/**
 * The tracing pages: observed markings to ranked candidates with their explanations, a
 * trace request opened from a candidate (or from the markings alone), the list of
 * requests with due dates, and one request's steps.
 */
@Controller
class TracingPages {

	/** The observed-markings fields as the forms name them. */
	record Markings(String serial, String make, String model, String calibre, String type, String country,
			String importMarking, String yearFrom, String yearTo) {

		boolean given() {
			return serial != null && !serial.isBlank();
		}

	}

	private final Tracing tracing;

	private final TraceRequests requests;

	private final TraceRequestQueries queries;

	private final TraceReports reports;

	private final RegistryQueries registry;

	private final AccessLog accessLog;

	private final Actors actors;

	private final MessageSource messages;

	private final JsonMapper json;

	TracingPages(Tracing tracing, TraceRequests requests, TraceRequestQueries queries, TraceReports reports,
			RegistryQueries registry, AccessLog accessLog, Actors actors, MessageSource messages, JsonMapper json) {
		this.queries = queries;
		this.reports = reports;
		this.tracing = tracing;
		this.requests = requests;
		this.registry = registry;
		this.accessLog = accessLog;
		this.actors = actors;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/trace")
	String trace(Markings markings, Principal who, Model model) {
		model.addAttribute("m", markings);
		model.addAttribute("types", FirearmType.values());
		List<Refusal> violations = new ArrayList<>();
		if (markings.given()) {
			ObservedMarkings observed = observed(markings, violations);
			if (violations.isEmpty()) {
				Matches matches = tracing.match(observed, 20);
				violations.addAll(matches.refusals());
				if (!matches.refused()) {
					accessLog.record(who, AccessLog.Action.SEARCH, "trace search",
							"serial=" + markings.serial() + " make=" + markings.make(), null,
							matches.candidates().size());
					model.addAttribute("candidates", matches.candidates());
					model.addAttribute("indexBehind", matches.indexBehind());
				}
			}
		}
		model.addAttribute("violations", violations);
		model.addAttribute("mayOpen", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR, Role.CUSTOMS, Role.INVESTIGATOR));
		return "tracing/trace";
	}

	@GetMapping("/trace-requests/new")
	String newRequest(Markings markings, @RequestParam(required = false) UUID firearmId, Model model) {
		model.addAttribute("m", markings);
		model.addAttribute("types", FirearmType.values());
		model.addAttribute("form", new RequestForm("ROUTINE", null, null, null, "", null, null, null, null, null));
		model.addAttribute("firearmId", firearmId);
		model.addAttribute("recordNumber", firearmId == null ? null : registry.recordNumber(firearmId).orElse(null));
		model.addAttribute("violations", List.of());
		return "tracing/new-request";
	}

	/**
	 * The trace request's own fields as the form names them (dates as typed, so a bad one
	 * can be shown back).
	 */
	record RequestForm(String priority, String urgentReason, String receivedOn, String recoveredOn,
			String recoveredCountry, String recoveredPlace, String circumstances, String seizureReference, String unit,
			String caseReference) {
	}

	@PostMapping("/trace-requests")
	String open(Markings markings, RequestForm form, @RequestParam(required = false) UUID firearmId, Principal who,
			Model model) {
		List<Refusal> violations = new ArrayList<>();
		ObservedMarkings observed = observed(markings, violations);
		LocalDate received = FormFields.date("receivedOn", form.receivedOn(), violations);
		LocalDate recovered = FormFields.date("recoveredOn", form.recoveredOn(), violations);
		TracePriority priority = null;
		if (form.priority() != null && !form.priority().isBlank()) {
			try {
				priority = TracePriority.valueOf(form.priority());
			}
			catch (IllegalArgumentException e) {
				violations.add(Refusal.of("priority", TracingRule.PriorityRequired));
			}
		}
		if (violations.isEmpty()) {
			CommandResult result = requests.open(
					new TraceRequests.OpenTraceRequest(observed, priority, form.urgentReason(), received, recovered,
							form.recoveredCountry(), form.recoveredPlace(), form.circumstances(),
							form.seizureReference(), form.unit(), form.caseReference(), firearmId),
					actors.of(who), null);
			if (result instanceof CommandResult.Accepted accepted) {
				return "redirect:/trace-requests/" + accepted.subjectId();
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		model.addAttribute("m", markings);
		model.addAttribute("types", FirearmType.values());
		model.addAttribute("form", form);
		model.addAttribute("firearmId", firearmId);
		model.addAttribute("recordNumber", firearmId == null ? null : registry.recordNumber(firearmId).orElse(null));
		model.addAttribute("violations", violations.stream().map(TracingPages::onForm).toList());
		return "tracing/new-request";
	}

	/**
	 * Field names of the command as the form's ids: observed.serial is the field
	 * "serial".
	 */
	private static Refusal onForm(Refusal v) {
		String field = switch (v.field()) {
			case "observed" -> "serial";
			case "observed.countryOfManufacture" -> "country";
			default -> v.field().startsWith("observed.") ? v.field().substring("observed.".length()) : v.field();
		};
		return v.about(field);
	}

	@GetMapping("/trace-requests")
	String list(@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) TraceRequestState state, Principal who, Model model) {
		List<TraceRequestQueries.TraceRequestSummary> found = queries.list(state, overdue, 200);
		accessLog.record(who, AccessLog.Action.SEARCH, "trace requests", "state=" + state + " overdue=" + overdue, null,
				found.size());
		model.addAttribute("requests", found);
		model.addAttribute("overdue", overdue);
		model.addAttribute("overdueCount", queries.overdueCount());
		return "tracing/requests";
	}

	@GetMapping("/trace-requests/{id}")
	String request(@PathVariable UUID id, Principal who, Model model) {
		TraceRequestQueries.TraceRequestView view = queries.find(id)
			.orElseThrow(() -> new NoSuchElementException("no trace request " + id));
		accessLog.record(who, AccessLog.Action.READ, "trace request " + view.reference(), null, null, 1);
		model.addAttribute("r", view);
		if ((view.state() == TraceRequestState.OPEN || view.state() == TraceRequestState.UNRESOLVED
				|| view.state() == TraceRequestState.CONFIRMED) && view.observed().serial() != null
				&& !view.observed().serial().isBlank()) {
			Matches matches = tracing.match(view.observed(), 10);
			model.addAttribute("candidates", matches.candidates());
			model.addAttribute("indexBehind", matches.indexBehind());
		}
		model.addAttribute("mayAct", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR, Role.INVESTIGATOR));
		model.addAttribute("violations",
				model.containsAttribute("violations") ? model.getAttribute("violations") : List.of());
		return "tracing/request";
	}

	@PostMapping("/trace-requests/{id}/confirmation")
	String confirm(@PathVariable UUID id, @RequestParam UUID firearmId, Principal who, Model model) {
		return after(id, requests.confirm(id, firearmId, actors.of(who)), who, model);
	}

	@PostMapping("/trace-requests/{id}/unresolved")
	String unresolved(@PathVariable UUID id, @RequestParam(required = false) String reason, Principal who,
			Model model) {
		return after(id, requests.unresolved(id, reason, actors.of(who)), who, model);
	}

	@PostMapping("/trace-requests/{id}/answer")
	String answer(@PathVariable UUID id, Principal who, Model model) {
		return after(id, requests.answer(id, actors.of(who)), who, model);
	}

	@PostMapping("/trace-requests/{id}/closure")
	String close(@PathVariable UUID id, @RequestParam(required = false) String note, Principal who, Model model) {
		return after(id, requests.close(id, note, actors.of(who)), who, model);
	}

	@PostMapping("/trace-requests/{id}/assignment")
	String assign(@PathVariable UUID id, @RequestParam(required = false) String unit, Principal who, Model model) {
		return after(id, requests.assign(id, unit, actors.of(who)), who, model);
	}

	private String after(UUID id, CommandResult result, Principal who, Model model) {
		if (result instanceof CommandResult.Rejected rejected) {
			model.addAttribute("violations", rejected.violations());
			return request(id, who, model);
		}
		return "redirect:/trace-requests/" + id;
	}

	@GetMapping(value = "/trace-requests/{id}/report.pdf")
	@ResponseBody
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(required = false) String purpose, Principal who,
			Locale locale) {
		if (purpose == null || purpose.isBlank()) {
			throw new IllegalArgumentException(messages.getMessage("request.purposeRequired", null, locale));
		}
		TraceRequestQueries.TraceRequestView view = queries.find(id)
			.orElseThrow(() -> new NoSuchElementException("no trace request " + id));
		byte[] pdf = reports.pdf(view);
		accessLog.record(who, AccessLog.Action.EXPORT, "trace report " + view.reference() + " (PDF)", null, purpose, 1);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + view.reference() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@GetMapping(value = "/trace-requests/{id}/report.json")
	@ResponseBody
	ResponseEntity<String> reportJson(@PathVariable UUID id, Principal who) {
		TraceRequestQueries.TraceRequestView view = queries.find(id)
			.orElseThrow(() -> new NoSuchElementException("no trace request " + id));
		accessLog.record(who, AccessLog.Action.EXPORT, "trace report " + view.reference() + " (JSON)", null, null, 1);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + view.reference() + ".json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writerWithDefaultPrettyPrinter().writeValueAsString(view));
	}

	private ObservedMarkings observed(Markings m, List<Refusal> violations) {
		Integer from = FormFields.number("yearFrom", m.yearFrom(), CommonRule.YearIsFourDigits, violations);
		Integer to = FormFields.number("yearTo", m.yearTo(), CommonRule.YearIsFourDigits, violations);
		return new ObservedMarkings(blankToNull(m.serial()), blankToNull(m.make()), blankToNull(m.model()),
				blankToNull(m.calibre()), blankToNull(m.type()), blankToNull(m.country()),
				blankToNull(m.importMarking()), from, to);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
