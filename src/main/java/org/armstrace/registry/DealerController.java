package org.armstrace.registry;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Limits;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A dealer's register over HTTP: the stock of the holder its account is bound to; and the
 * binding, which an administrator makes.
 */
@RestController
@Tag(name = "Registry", description = "Firearms, parts, ammunition lots and holders through their life cycle")
class DealerController {

	/** The most firearms one stock answer lists. */
	static final int STOCK_LIMIT = 10_000;

	private final DealerStock stock;

	private final RegistryQueries queries;

	private final Users users;

	private final HoldingRegisters registers;

	private final FirearmCommands firearms;

	private final Actors actors;

	private final AccessLog accessLog;

	private final CommandResponses responses;

	DealerController(DealerStock stock, RegistryQueries queries, Users users, HoldingRegisters registers,
			FirearmCommands firearms, Actors actors, AccessLog accessLog, CommandResponses responses) {
		this.stock = stock;
		this.queries = queries;
		this.users = users;
		this.registers = registers;
		this.firearms = firearms;
		this.actors = actors;
		this.accessLog = accessLog;
		this.responses = responses;
	}

	record Stock(UUID holderId, List<RegistryQueries.FirearmSummary> firearms, List<RegistryQueries.PartView> parts,
			List<RegistryQueries.AmmunitionLotView> ammunition) {
	}

	record Register(UUID holderId, LocalDate from, LocalDate to, List<HoldingRegisters.Line> lines) {
	}

	record DealerAccount(@NotBlank @Size(max = Limits.NAME) String username) {
	}

	record Bound(UUID holderId, String username) {
	}

	@Operation(summary = "The dealer's stock: the active firearms, the parts and the ammunition its holder holds "
			+ "(dealer accounts only)")
	@GetMapping("/api/v1/dealer/stock")
	Stock stock(Principal who) {
		UUID holder = dealer(who);
		return new Stock(holder, queries.firearmsHeldBy(holder, STOCK_LIMIT), queries.partsHeldBy(holder, STOCK_LIMIT),
				queries.lotsHeldBy(holder, STOCK_LIMIT));
	}

	@Operation(summary = "The dealer's register of acquisitions and disposals (EU Directive 2021/555 art. 10), "
			+ "oldest first, at most 10,000 lines; the other party's name only with X-Access-Purpose")
	@GetMapping("/api/v1/dealer/register")
	Register dealerRegister(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		UUID holder = dealer(who);
		return new Register(holder, from, to, lines(holder, from, to, who, purpose));
	}

	@Operation(summary = "The dealer's register as CSV")
	@GetMapping(value = "/api/v1/dealer/register.csv", produces = "text/csv")
	ResponseEntity<byte[]> dealerRegisterCsv(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		return csv(lines(dealer(who), from, to, who, purpose));
	}

	@Operation(summary = "A holder's register of acquisitions and disposals, for inspection; the other party's name "
			+ "only with X-Access-Purpose")
	@GetMapping("/api/v1/holders/{id}/register")
	Register holderRegister(@PathVariable UUID id, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		queries.holder(id).orElseThrow(() -> new NoSuchElementException("no holder " + id));
		return new Register(id, from, to, lines(id, from, to, who, purpose));
	}

	@Operation(summary = "A dealer records a firearm it acquired, named by its record number and the serial marked "
			+ "on it; checked as a transfer into its stock (status, licence)")
	@PostMapping("/api/v1/dealer/acquisitions")
	ResponseEntity<?> acquire(@Valid @RequestBody FirearmCommands.AcquireIntoStock body, Principal who,
			@RequestHeader(name = CommandResponses.IDEMPOTENCY_KEY, required = false) String key) {
		UUID holder = dealer(who);
		CommandResult result = firearms.acquireIntoStock(body, actors.of(who), key, holder);
		if (result instanceof CommandResult.Rejected rejected
				&& rejected.violations().stream().anyMatch(v -> v.rule() == RegistryRule.FirearmMustExist)) {
			accessLog.record(who, AccessLog.Action.REFUSED, "firearm " + body.recordNumber(),
					"record number and serial name no firearm", null, 0);
		}
		return responses.answer(result, "/api/v1/firearms/", queries::firearmSummary, RegistryRule::missingSubject);
	}

	private UUID dealer(Principal who) {
		return stock.of(who).orElseThrow(() -> new IllegalArgumentException("this account keeps no dealer's stock"));
	}

	private List<HoldingRegisters.Line> lines(UUID holder, LocalDate from, LocalDate to, Principal who,
			String purpose) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("to: the period ends before it begins (" + from + " to " + to + ")");
		}
		boolean names = purpose != null && !purpose.isBlank();
		if (names && purpose.length() > Limits.TEXT) {
			throw new IllegalArgumentException(AccessLog.PURPOSE_HEADER + ": at most " + Limits.TEXT + " characters");
		}
		List<HoldingRegisters.Line> lines = registers.register(holder, from, to, names);
		if (names) {
			accessLog.record(who, AccessLog.Action.READ, "register of holder " + holder, null, purpose, lines.size());
		}
		return lines;
	}

	private ResponseEntity<byte[]> csv(List<HoldingRegisters.Line> lines) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(registers.csv(lines).getBytes(StandardCharsets.UTF_8));
	}

	@Operation(summary = "Bind a dealer's account to its dealer holder: it then sees and acts on that stock only")
	@PostMapping("/api/v1/holders/{id}/dealer-accounts")
	Bound bind(@PathVariable UUID id, @Valid @RequestBody DealerAccount body) {
		HolderRole role = queries.holder(id).orElseThrow(() -> new NoSuchElementException("no holder " + id)).role();
		if (role != HolderRole.DEALER && role != HolderRole.MANUFACTURER && role != HolderRole.BROKER) {
			throw new IllegalArgumentException("holderId: a dealer's account keeps a dealer's, manufacturer's or "
					+ "broker's stock; holder " + id + " is " + role);
		}
		Users.Account account = users.find(body.username().trim())
			.orElseThrow(() -> new IllegalArgumentException("username: no account '" + body.username() + "'"));
		if (!account.roles().contains(Role.DEALER)) {
			throw new IllegalArgumentException("username: the account '" + account.username() + "' has no DEALER role");
		}
		users.bindToHolder(account.id(), id);
		return new Bound(id, account.username());
	}

}
