package org.armstrace.tracing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.reference.Countries;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.TracingEvent.CasePersonAdded;
import org.armstrace.tracing.TracingEvent.InvestigationCaseOpened;
import org.armstrace.tracing.TracingEvent.TraceCandidateConfirmed;
import org.armstrace.tracing.TracingEvent.TraceRequestAnswered;
import org.armstrace.tracing.TracingEvent.TraceRequestAssigned;
import org.armstrace.tracing.TracingEvent.TraceRequestClosed;
import org.armstrace.tracing.TracingEvent.TraceRequestOpened;
import org.armstrace.tracing.TracingEvent.TraceRequestUnresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The commands of a trace request, each a crime notice that opens (or joins) an
 * investigation case: open, candidate confirmed or unresolved, answered with the chain
 * frozen into it, closed. Each runs through the command kernel; a step the request's
 * state does not allow is refused with the rule it broke. Reading them is
 * {@link TraceRequestQueries}.
 */
@Service
public class TraceRequests {

	/**
	 * What an officer gives to open a trace request. Only the observed markings and the
	 * priority are required.
	 */
	public record OpenTraceRequest(@Valid ObservedMarkings observed, TracePriority priority,
			@Size(max = Limits.TEXT) String urgentReason, @PlausibleDate LocalDate receivedOn,
			@PlausibleDate LocalDate recoveredOn, @Size(max = Limits.COUNTRY) String recoveredCountry,
			@Size(max = Limits.TEXT) String recoveredPlace, @Size(max = Limits.LONG_TEXT) String circumstances,
			@Size(max = Limits.REFERENCE) String seizureReference, @Size(max = Limits.SHORT) String unit,
			@Size(max = Limits.REFERENCE) String caseReference, UUID firearmId) {
	}

	/** What the steps on a trace request carry, bounded as every command's fields are. */
	private record Assignment(@Size(max = Limits.SHORT) String unit) {
	}

	private record Unresolved(@Size(max = Limits.TEXT) String reason) {
	}

	private record Closing(@Size(max = Limits.TEXT) String note) {
	}

	private record CasePerson(@Size(max = Limits.REFERENCE) String caseReference, @Size(max = Limits.NAME) String name,
			@Size(max = Limits.COUNTRY) String nationality, @Size(max = Limits.CODE) String role) {
	}

	private final CommandKernel.Commands<TracingEvent> commands;

	private final CommandKernel kernel;

	private final TraceRequestProjection projection;

	private final JdbcClient jdbc;

	private final TraceRequestQueries queries;

	private final RegistryQueries registry;

	private final CustodyChains chains;

	private final Tracing tracing;

	private final Period routineDue;

	private final Period urgentDue;

	private final Countries countries;

	TraceRequests(CommandKernel kernel, TraceRequestProjection projection, JdbcClient jdbc, TraceRequestQueries queries,
			RegistryQueries registry, CustodyChains chains, Tracing tracing, Countries countries,
			@Value("${armstrace.tracing.due.routine:P30D}") Period routineDue,
			@Value("${armstrace.tracing.due.urgent:P2D}") Period urgentDue) {
		this.commands = kernel.commandsFor(projection);
		this.kernel = kernel;
		this.projection = projection;
		this.jdbc = jdbc;
		this.queries = queries;
		this.registry = registry;
		this.chains = chains;
		this.tracing = tracing;
		this.routineDue = routineDue;
		this.urgentDue = urgentDue;
		this.countries = countries;
	}

	public Period dueAfter(TracePriority priority) {
		return priority == TracePriority.URGENT ? urgentDue : routineDue;
	}

	public CommandResult open(OpenTraceRequest asGiven, String actor, String clientKey) {
		return commands.run("open-trace-request", actor, clientKey, asGiven, () -> {
			OpenTraceRequest request = withCountryCodes(asGiven);
			Checks checks = check(request);
			if (checks.failed()) {
				return checks.refuse();
			}
			LocalDate received = request.receivedOn() == null ? LocalDate.now() : request.receivedOn();
			List<TracingEvent> events = new ArrayList<>();
			UUID caseId;
			if (blank(request.caseReference())) {
				caseId = UUID.randomUUID();
				events.add(new InvestigationCaseOpened(caseId, nextReference("IC", "investigation_case", received),
						received));
			}
			else {
				caseId = queries.caseId(request.caseReference().trim()).orElseThrow();
			}
			UUID id = UUID.randomUUID();
			events.add(new TraceRequestOpened(id, nextReference("TR", "trace_request", received), caseId,
					request.observed(), request.priority(), trimmed(request.urgentReason()), request.recoveredOn(),
					upper(request.recoveredCountry()), trimmed(request.recoveredPlace()),
					trimmed(request.seizureReference()), trimmed(request.unit()), received,
					received.plus(dueAfter(request.priority()))));
			if (request.firearmId() != null) {
				events.add(confirmation(id, request.observed(), request.firearmId()));
			}
			Decision<TracingEvent> decision = Decision.record(id, events);
			return blank(request.circumstances()) ? decision
					: decision.alsoWrite(() -> jdbc
						.sql("INSERT INTO trace_request_circumstances (trace_request_id, circumstances) VALUES (?, ?)")
						.params(id, request.circumstances().trim())
						.update());
		});
	}

	/**
	 * The request with the countries an officer named ("Autriche", "U.S.A.") as alpha-3
	 * codes; a text that names none stays as given, for the checks to refuse.
	 */
	private OpenTraceRequest withCountryCodes(OpenTraceRequest r) {
		ObservedMarkings observed = r.observed() == null ? null
				: r.observed().withCountryOfManufacture(code(r.observed().countryOfManufacture()));
		return new OpenTraceRequest(observed, r.priority(), r.urgentReason(), r.receivedOn(), r.recoveredOn(),
				code(r.recoveredCountry()), r.recoveredPlace(), r.circumstances(), r.seizureReference(), r.unit(),
				r.caseReference(), r.firearmId());
	}

	private String code(String country) {
		return blank(country) ? country : countries.codeOrAsGiven(country.trim());
	}

	public CommandResult assign(UUID id, String unit, String actor) {
		return step("assign-trace-request", id, new Assignment(unit), actor, state -> {
			Checks checks = new Checks().rule(!blank(unit), "unit", TracingRule.UnitRequired)
				.rule(state != TraceRequestState.CLOSED, "state", TracingRule.NotClosed, state);
			return checks.failed() ? checks.refuse() : Decision.record(id, new TraceRequestAssigned(id, unit.trim()));
		});
	}

	public CommandResult confirm(UUID id, UUID firearmId, String actor) {
		return step("confirm-trace-candidate", id, firearmId, actor, state -> {
			if (firearmId == null) {
				return Decision.refuse("firearmId", TracingRule.FirearmRequired);
			}
			if (state != TraceRequestState.OPEN && state != TraceRequestState.UNRESOLVED
					&& state != TraceRequestState.CONFIRMED) {
				return Decision.refuse("state", TracingRule.ConfirmWhileUnanswered, state);
			}
			if (registry.recordNumber(firearmId).isEmpty()) {
				return Decision.refuse("firearmId", TracingRule.FirearmMustExist, firearmId);
			}
			return Decision.record(id, confirmation(id, queries.observed(id), firearmId));
		});
	}

	public CommandResult unresolved(UUID id, String reason, String actor) {
		return step("mark-trace-unresolved", id, new Unresolved(reason), actor, state -> {
			if (blank(reason)) {
				return Decision.refuse("reason", TracingRule.ReasonRequired);
			}
			if (state != TraceRequestState.OPEN && state != TraceRequestState.CONFIRMED) {
				return Decision.refuse("state", TracingRule.UnresolvedWhileOpen, state);
			}
			return Decision.record(id, new TraceRequestUnresolved(id, reason.trim()));
		});
	}

	/**
	 * Freezes the answer: the confirmed record's chain of custody and flags, or the
	 * unresolved reason.
	 */
	public CommandResult answer(UUID id, String actor) {
		return step("answer-trace-request", id, null, actor, state -> {
			if (state != TraceRequestState.CONFIRMED && state != TraceRequestState.UNRESOLVED) {
				return Decision.refuse("state", TracingRule.AnswerAfterConfirmation, state);
			}
			TraceRequestQueries.TraceRequestView view = queries.find(id).orElseThrow();
			LocalDate today = LocalDate.now();
			if (state == TraceRequestState.UNRESOLVED) {
				return Decision.record(id, new TraceRequestAnswered(id, today, null, view.unresolvedReason()));
			}
			CustodyChain chain = chains.of(view.firearmId(), view.observed(), view.recoveredOn()).orElseThrow();
			return Decision.record(id, new TraceRequestAnswered(id, today, chain, null));
		});
	}

	public CommandResult close(UUID id, String note, String actor) {
		return step("close-trace-request", id, new Closing(note), actor, state -> {
			if (state != TraceRequestState.ANSWERED && state != TraceRequestState.UNRESOLVED) {
				return Decision.refuse("state", TracingRule.CloseWhenAnsweredOrUnresolved, state);
			}
			return Decision.record(id, new TraceRequestClosed(id, LocalDate.now(), trimmed(note)));
		});
	}

	/**
	 * Gathers a person into a case: the name and nationality stay in this database, off
	 * the ledger.
	 */
	public CommandResult addPerson(String caseReference, String name, String nationalityAsGiven, String role,
			String actor) {
		return commands.run("add-case-person", actor, null,
				Arrays.asList(caseReference, name, nationalityAsGiven, role), () -> {
					String nationality = code(nationalityAsGiven);
					Optional<UUID> caseId = blank(caseReference) ? Optional.empty()
							: queries.caseId(caseReference.trim());
					Checks checks = new Checks()
						.rule(caseId.isPresent(), "caseReference", TracingRule.CaseMustExist, caseReference)
						.rule(!blank(name), "name", TracingRule.NameRequired)
						.optionalCountry("nationality", upper(nationality))
						.rule(!blank(role), "role", TracingRule.RoleRequired);
					if (checks.failed()) {
						return checks.refuse();
					}
					UUID personId = UUID.randomUUID();
					return Decision
						.<TracingEvent>record(caseId.get(),
								new CasePersonAdded(caseId.get(), personId, role.trim().toUpperCase()))
						.alsoWrite(() -> jdbc
							.sql("INSERT INTO case_person_identity (person_id, name, nationality) "
									+ "VALUES (?, ?, ?)")
							.params(personId, name.trim(), upper(nationality))
							.update());
				});
	}

	/** Financial information for a case, as an investigator records it. */
	public record RecordMoney(@Size(max = Limits.CODE) String kind, @Size(max = 20) String amount,
			@Size(max = 3) String currency, @PlausibleDate LocalDate occurredOn,
			@Size(max = Limits.NAME) String account, @Size(max = Limits.NAME) String counterparty,
			@Size(max = Limits.TEXT) String description) {
	}

	static final Set<String> FINANCIAL_KINDS = Set.of("ACCOUNT", "TRANSFER", "PAYMENT", "CASH", "ASSET");

	/**
	 * Gathers financial information into a case (DP 36-37): kind, amount, currency and
	 * date on the ledger; the account, counterparty and description in this database
	 * only.
	 */
	public CommandResult recordMoney(String caseReference, RecordMoney c, String actor) {
		return commands.run("record-case-money", actor, null, c, () -> {
			Optional<UUID> caseId = blank(caseReference) ? Optional.empty() : queries.caseId(caseReference.trim());
			String kind = upper(c.kind());
			String currency = upper(c.currency());
			Long minor = minorUnits(c.amount());
			Checks checks = new Checks()
				.rule(caseId.isPresent(), "caseReference", TracingRule.CaseMustExist, caseReference)
				.require("kind", kind)
				.notInFuture("occurredOn", c.occurredOn());
			checks.rule(kind == null || FINANCIAL_KINDS.contains(kind), "kind", TracingRule.FinancialKindIsKnown, kind);
			checks.rule(blank(c.amount()) || minor != null, "amount", TracingRule.AmountIsInRange, c.amount());
			checks.rule(minor == null && blank(currency) || currency != null && currency.matches("[A-Z]{3}"),
					"currency", TracingRule.CurrencyIsIso4217, currency);
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID entryId = UUID.randomUUID();
			return Decision
				.<TracingEvent>record(caseId.get(),
						new TracingEvent.CaseFinancialInformationRecorded(caseId.get(), entryId, kind, minor,
								minor == null ? null : currency, c.occurredOn()))
				.alsoWrite(() -> jdbc
					.sql("INSERT INTO case_financial_detail (entry_id, account, counterparty, description) "
							+ "VALUES (?, ?, ?, ?)")
					.params(entryId, trimmed(c.account()), trimmed(c.counterparty()), trimmed(c.description()))
					.update());
		});
	}

	/** An amount in minor units (cents), or null when it is not one from 0 to 10^12. */
	private static Long minorUnits(String amount) {
		if (blank(amount) || !amount.trim().matches("\\d{1,13}([.,]\\d{1,2})?")) {
			return null;
		}
		BigDecimal value = new BigDecimal(amount.trim().replace(',', '.'));
		return value.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0 ? null
				: value.movePointRight(2).longValueExact();
	}

	/**
	 * Empties and refills the trace request tables from the ledger (part of
	 * {@code armstrace rebuild}).
	 */
	public long rebuild() {
		return kernel.rebuild(projection, TracingEvent.TYPES);
	}

	/** A step on an existing trace request, decided on its current state. */
	private CommandResult step(String command, UUID id, Object body, String actor,
			Function<TraceRequestState, Decision<TracingEvent>> decide) {
		return commands.run(command, actor, null, Arrays.asList(id, body),
				() -> queries.state(id)
					.map(decide)
					.orElseGet(() -> Decision.refuse("traceRequestId", TracingRule.TraceRequestMustExist, id)));
	}

	private TraceCandidateConfirmed confirmation(UUID id, ObservedMarkings observed, UUID firearmId) {
		Candidate fit = fitOf(observed, firearmId);
		return new TraceCandidateConfirmed(id, firearmId, fit == null ? 0 : fit.score(),
				fit == null ? Candidate.Band.POSSIBLE : fit.band());
	}

	private Checks check(OpenTraceRequest r) {
		Checks checks = new Checks();
		ObservedMarkings o = r.observed();
		if (o == null || (blank(o.serial()) && blank(o.make()) && blank(o.model()))) {
			checks.add("observed", TracingRule.ObservedMarkingsRequired);
		}
		else if (!blank(o.serial()) && SerialForms.normalise(o.serial()).isEmpty()) {
			checks.add("observed.serial", TracingRule.SerialCharacters, o.serial());
		}
		if (o != null) {
			checks.optionalCountry("observed.countryOfManufacture", upper(o.countryOfManufacture()));
		}
		if (r.priority() == null) {
			checks.add("priority", TracingRule.PriorityRequired);
		}
		else if (r.priority() == TracePriority.URGENT && blank(r.urgentReason())) {
			checks.add("urgentReason", TracingRule.UrgentNeedsReason);
		}
		checks.notInFuture("receivedOn", r.receivedOn())
			.notInFuture("recoveredOn", r.recoveredOn())
			.optionalCountry("recoveredCountry", upper(r.recoveredCountry()));
		checks.rule(blank(r.caseReference()) || queries.caseId(r.caseReference().trim()).isPresent(), "caseReference",
				TracingRule.CaseMustExist, r.caseReference());
		checks.rule(r.firearmId() == null || registry.recordNumber(r.firearmId()).isPresent(), "firearmId",
				TracingRule.FirearmMustExist, r.firearmId());
		return checks;
	}

	/**
	 * How the observed markings fit a record, as the engine scores it (null when the
	 * serial is not readable).
	 */
	private Candidate fitOf(ObservedMarkings observed, UUID firearmId) {
		if (observed == null || blank(observed.serial())) {
			return null;
		}
		return tracing.match(observed, Tracing.MAX_LIMIT)
			.candidates()
			.stream()
			.filter(c -> !c.isPart() && firearmId.toString().equals(c.firearmId()))
			.findFirst()
			.orElse(null);
	}

	private String nextReference(String prefix, String table, LocalDate on) {
		String start = prefix + "-" + on.getYear() + "-";
		long count = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE reference LIKE ?")
			.param(start + "%")
			.query(Long.class)
			.single();
		return start + String.format("%06d", count + 1);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trimmed(String text) {
		return blank(text) ? null : text.trim();
	}

	private static String upper(String text) {
		return blank(text) ? null : text.trim().toUpperCase();
	}

}
