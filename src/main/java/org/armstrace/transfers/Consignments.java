package org.armstrace.transfers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.command.Refusal;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.transfers.AuthorisationQueries.AuthorisationView;
import org.armstrace.transfers.AuthorisationQueries.ConsignmentView;
import org.armstrace.transfers.AuthorisationQueries.LineView;
import org.armstrace.transfers.TransfersEvent.LineQuantity;
import org.springframework.stereotype.Service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Consignments shipped under an authorisation and their receipt: no line ships more than
 * it has left, each firearm of an export leaves the registry in the same transaction, and
 * the importing side's count, line by line, closes the consignment or flags it short.
 */
@Service
public class Consignments {

	public record LineCount(@Max(10_000) int lineNo, @Max(Limits.ROUNDS) long quantity) {
	}

	public record Ship(@Size(max = Limits.REFERENCE) String reference, @PlausibleDate LocalDate shippedOn,
			@Size(max = Limits.ITEMS) List<@NotNull @Valid LineCount> lines) {
	}

	/**
	 * {@code importMarkingAlreadyPresent}: for an import, the firearms received already
	 * bear an import marking; otherwise each is marked with the importer's country and
	 * the year of receipt (ITI para 8(b)).
	 */
	public record ConfirmReceipt(@PlausibleDate LocalDate receivedOn, @Size(max = Limits.NAME) String confirmedBy,
			@Size(max = Limits.ITEMS) List<@NotNull @Valid LineCount> lines, boolean importMarkingAlreadyPresent) {
	}

	private final CommandKernel.Commands<TransfersEvent> commands;

	private final AuthorisationQueries queries;

	private final FirearmCommands firearms;

	private final TransfersProperties properties;

	Consignments(CommandKernel kernel, TransfersProjection projection, AuthorisationQueries queries,
			FirearmCommands firearms, TransfersProperties properties) {
		this.commands = kernel.commandsFor(projection);
		this.queries = queries;
		this.firearms = firearms;
		this.properties = properties;
	}

	/**
	 * Ships under a granted authorisation valid on the day; an export's firearms are
	 * recorded as exported on the registry, in the same transaction (a refusal there
	 * refuses the consignment).
	 */
	public CommandResult ship(UUID authorisationId, Ship c, String actor, String key) {
		return commands.run("ship-consignment", actor, key, Arrays.asList(authorisationId, c), () -> {
			Optional<AuthorisationView> found = queries.authorisation(authorisationId);
			if (found.isEmpty()) {
				return Decision.refuse("authorisationId", TransfersRule.AuthorisationMustExist, authorisationId);
			}
			AuthorisationView a = found.get();
			LocalDate on = Authorisations.orToday(c.shippedOn());
			String reference = Authorisations.text(c.reference());
			Checks checks = new Checks().require("reference", reference).notInFuture("shippedOn", c.shippedOn());
			checks.rule(
					a.state() == AuthorisationState.GRANTED && !on.isBefore(a.issuedOn())
							&& !on.isAfter(a.validUntil()),
					"authorisationId", TransfersRule.AuthorisationIsValid, a.state(), a.issuedOn(), a.validUntil(), on);
			checks.rule(reference == null || !queries.consignmentReferenceTaken(reference), "reference",
					TransfersRule.ConsignmentReferenceIsUnique, reference);
			checks.rule(c.lines() != null && !c.lines().isEmpty(), "lines", TransfersRule.LinesAreGiven, Limits.ITEMS);
			Map<Integer, LineView> lines = new HashMap<>();
			a.lines().forEach(l -> lines.put(l.lineNo(), l));
			Set<Integer> seen = new HashSet<>();
			for (int i = 0; c.lines() != null && i < c.lines().size(); i++) {
				LineCount l = c.lines().get(i);
				String at = "lines[" + i + "]";
				LineView line = lines.get(l.lineNo());
				checks.rule(line != null && seen.add(l.lineNo()), at + ".lineNo", TransfersRule.ConsignmentLineIsKnown,
						l.lineNo());
				checks.rule(l.quantity() >= 1, at + ".quantity", TransfersRule.LineQuantityIsPositive, l.quantity());
				checks.rule(line == null || l.quantity() <= line.left(), at + ".quantity",
						TransfersRule.ShipmentWithinAuthorisedQuantity, l.lineNo(), line == null ? 0 : line.quantity(),
						line == null ? 0 : line.shipped(), l.quantity());
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			if (a.kind() == TransferKind.EXPORT) {
				List<Refusal> refused = exportFirearms(a, c, on, actor);
				if (!refused.isEmpty()) {
					return Decision.refuse(refused);
				}
			}
			UUID id = UUID.randomUUID();
			return Decision.record(authorisationId,
					new TransfersEvent.ConsignmentShipped(authorisationId, id, reference, on,
							on.plusDays(properties.receiptDueDays()),
							c.lines().stream().map(l -> new LineQuantity(l.lineNo(), l.quantity())).toList()));
		});
	}

	/**
	 * Each firearm line shipped is exported on the registry, quoting the authorisation.
	 */
	private List<Refusal> exportFirearms(AuthorisationView a, Ship c, LocalDate on, String actor) {
		List<Refusal> refused = new ArrayList<>();
		for (int i = 0; i < c.lines().size(); i++) {
			int lineNo = c.lines().get(i).lineNo();
			LineView line = a.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow();
			if (line.kind() != LineKind.FIREARM) {
				continue;
			}
			CommandResult exported = firearms.export(line.firearmId(),
					new FirearmCommands.ExportFirearm(a.importCountry(), a.transitCountries(), a.number(), on), actor,
					null);
			if (exported instanceof CommandResult.Rejected rejected) {
				String at = "lines[" + i + "]";
				rejected.violations()
					.forEach(v -> refused.add(new Refusal(at + "." + v.field(), v.rule(), v.values())));
			}
		}
		return refused;
	}

	/**
	 * Each firearm line of an import received is imported on the registry, quoting the
	 * authorisation, its import marking checked as any import's.
	 */
	private List<Refusal> importFirearms(AuthorisationView a, List<LineQuantity> received, ConfirmReceipt c,
			String actor) {
		List<Refusal> refused = new ArrayList<>();
		LocalDate on = Authorisations.orToday(c.receivedOn());
		for (LineQuantity count : received) {
			LineView line = a.lines().stream().filter(l -> l.lineNo() == count.lineNo()).findFirst().orElseThrow();
			if (line.kind() != LineKind.FIREARM || count.quantity() == 0) {
				continue;
			}
			CommandResult imported = firearms.importFirearm(line.firearmId(),
					new FirearmCommands.ImportFirearm(a.exportCountry(), a.applicantId(), on.getYear(),
							c.importMarkingAlreadyPresent(), a.number(), on),
					actor, null);
			if (imported instanceof CommandResult.Rejected rejected) {
				rejected.violations()
					.forEach(v -> refused
						.add(new Refusal("lines[" + (count.lineNo() - 1) + "]." + v.field(), v.rule(), v.values())));
			}
		}
		return refused;
	}

	/** The importing side's count, line by line: every line of the consignment, once. */
	public CommandResult confirmReceipt(UUID consignmentId, ConfirmReceipt c, String actor, String key) {
		return commands.run("confirm-consignment-receipt", actor, key, Arrays.asList(consignmentId, c), () -> {
			Optional<ConsignmentView> found = queries.consignment(consignmentId);
			if (found.isEmpty()) {
				return Decision.refuse("consignmentId", TransfersRule.ConsignmentMustExist, consignmentId);
			}
			ConsignmentView consignment = found.get();
			Checks checks = new Checks().require("confirmedBy", Authorisations.text(c.confirmedBy()))
				.notInFuture("receivedOn", c.receivedOn())
				.inOrder("receivedOn", consignment.shippedOn(), c.receivedOn(), "shippedOn");
			checks.rule("SHIPPED".equals(consignment.state()), "consignmentId", TransfersRule.ReceiptIsConfirmedOnce,
					consignment.reference(), consignment.receivedOn());
			Map<Integer, Long> counted = new HashMap<>();
			for (int i = 0; c.lines() != null && i < c.lines().size(); i++) {
				LineCount l = c.lines().get(i);
				boolean known = consignment.lines().stream().anyMatch(s -> s.lineNo() == l.lineNo());
				checks.rule(known && counted.put(l.lineNo(), l.quantity()) == null, "lines[" + i + "].lineNo",
						TransfersRule.ConsignmentLineIsKnown, l.lineNo());
			}
			List<LineQuantity> received = new ArrayList<>();
			for (var shipped : consignment.lines()) {
				Long count = counted.get(shipped.lineNo());
				checks.rule(count != null, "lines", TransfersRule.ConsignmentLineIsKnown, shipped.lineNo());
				checks.rule(count == null || count >= 0 && count <= shipped.quantity(), "lines",
						TransfersRule.ReceivedWithinShipped, shipped.lineNo(), shipped.quantity(), count);
				received.add(new LineQuantity(shipped.lineNo(), count == null ? 0 : count));
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			AuthorisationView a = queries.authorisation(consignment.authorisationId()).orElseThrow();
			if (a.kind() == TransferKind.IMPORT) {
				List<Refusal> refused = importFirearms(a, received, c, actor);
				if (!refused.isEmpty()) {
					return Decision.refuse(refused);
				}
			}
			return Decision.record(consignment.authorisationId(),
					new TransfersEvent.ReceiptConfirmed(consignment.authorisationId(), consignmentId,
							Authorisations.orToday(c.receivedOn()), c.confirmedBy().trim(), received));
		});
	}

}
