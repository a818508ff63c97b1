package org.armstrace.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Appended;
import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.exchange.ExchangeEvent.LineCount;
import org.armstrace.transfers.AuthorisationQueries;
import org.armstrace.transfers.Authorisations;
import org.armstrace.transfers.Consignments;
import org.armstrace.transfers.TransferKind;
import org.armstrace.transfers.TransfersEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * International transfers by message (Firearms Protocol art. 10): an export authorisation
 * granted is notified to the importing State, whose node records the notice in its
 * transfers module (so imports quoting it are not flagged); the importing State confirms
 * a consignment's receipt line by line, and the exporting node records the receipt on its
 * consignment, feeding reconciliation. Each in the transaction of the fact that causes
 * it.
 */
@Component
class TransferMessages {

	private static final Logger log = LoggerFactory.getLogger(TransferMessages.class);

	/** A receipt confirmation for the exporting State, as on the consignment's papers. */
	record ConfirmReceipt(@Size(max = Limits.COUNTRY) String exportCountry,
			@Size(max = Limits.REFERENCE) String exportReference,
			@Size(max = Limits.REFERENCE) String consignmentReference, LocalDate receivedOn,
			@Size(max = Limits.ITEMS) List<@NotNull @Valid LineCount> lines) {
	}

	private final Exchange exchange;

	private final CommandKernel.Commands<ExchangeEvent> commands;

	private final AuthorisationQueries authorisations;

	private final Authorisations decisions;

	private final Consignments consignments;

	private final JsonMapper json;

	TransferMessages(Exchange exchange, CommandKernel kernel, ExchangeProjection projection,
			AuthorisationQueries authorisations, Authorisations decisions, Consignments consignments, JsonMapper json) {
		this.exchange = exchange;
		this.commands = kernel.commandsFor(projection);
		this.authorisations = authorisations;
		this.decisions = decisions;
		this.consignments = consignments;
		this.json = json;
	}

	@EventListener
	void onAppended(Appended appended) {
		for (var event : appended.events()) {
			switch (event) {
				case TransfersEvent.AuthorisationGranted e -> notifyExport(e);
				case ExchangeEvent.ExportNotificationReceived e -> recordNotice(e);
				case ExchangeEvent.ReceiptConfirmationReceived e -> recordReceipt(e);
				default -> {
				}
			}
		}
	}

	private void notifyExport(TransfersEvent.AuthorisationGranted granted) {
		if (exchange.country().isEmpty()) {
			return;
		}
		authorisations.authorisation(granted.authorisationId())
			.filter(a -> a.kind() == TransferKind.EXPORT && exchange.peer(a.importCountry()).isPresent())
			.ifPresent(a -> {
				StringBuilder lines = new StringBuilder();
				a.lines()
					.forEach(l -> lines.append(lines.isEmpty() ? "" : "; ")
						.append("line ")
						.append(l.lineNo())
						.append(": ")
						.append(l.quantity())
						.append(" × ")
						.append(l.kind())
						.append(l.calibre() == null ? "" : " " + l.calibre())
						.append(l.partKind() == null ? "" : " " + l.partKind()));
				String description = (a.description() == null ? "" : a.description() + " — ") + lines;
				exchange.send(MessageType.EXPORT_NOTIFICATION, a.importCountry(), json.createObjectNode()
					.put("reference", granted.number())
					.put("issuedOn", String.valueOf(granted.issuedOn()))
					.put("validUntil", String.valueOf(granted.validUntil()))
					.put("exportCountry", a.exportCountry())
					.put("importCountry", a.importCountry())
					.put("description",
							description.length() > Limits.TEXT ? description.substring(0, Limits.TEXT) : description),
						"system:exchange");
			});
	}

	private void recordNotice(ExchangeEvent.ExportNotificationReceived e) {
		CommandResult result = decisions.recordForeignExport(
				new Authorisations.RecordForeignExport(e.sender(), e.reference(), e.issuedOn(), e.description()),
				"peer:" + e.sender(), null);
		if (result instanceof CommandResult.Rejected rejected) {
			log.warn("The export notification {} of {} was not recorded: {}", e.reference(), e.sender(),
					rejected.violations());
		}
	}

	private void recordReceipt(ExchangeEvent.ReceiptConfirmationReceived e) {
		Optional<UUID> consignment = authorisations.idByNumber(e.exportReference())
			.flatMap(authorisations::authorisation)
			.filter(a -> a.kind() == TransferKind.EXPORT && e.sender().equals(a.importCountry()))
			.flatMap(a -> a.consignments()
				.stream()
				.filter(c -> c.reference().equals(e.consignmentReference()))
				.findFirst())
			.map(AuthorisationQueries.ConsignmentView::id);
		if (consignment.isEmpty()) {
			log.warn("A receipt confirmation of {} names no consignment {} of export {} to it", e.sender(),
					e.consignmentReference(), e.exportReference());
			return;
		}
		CommandResult result = consignments.confirmReceipt(consignment.get(),
				new Consignments.ConfirmReceipt(e.receivedOn(), "importing State " + e.sender() + " (by message)",
						e.lines().stream().map(l -> new Consignments.LineCount(l.lineNo(), l.quantity())).toList(),
						false),
				"peer:" + e.sender(), null);
		if (result instanceof CommandResult.Rejected rejected) {
			log.warn("The receipt confirmation of {} for {} was not recorded: {}", e.sender(), e.consignmentReference(),
					rejected.violations());
		}
	}

	/** Sends the exporting State the receipt of one of its consignments. */
	CommandResult confirmReceipt(ConfirmReceipt c, String actor) {
		return commands.run("send-receipt-confirmation", actor, null, c, () -> {
			String country = c.exportCountry() == null ? null : c.exportCountry().trim().toUpperCase();
			Checks checks = new Checks().require("exportCountry", country)
				.require("exportReference", blank(c.exportReference()) ? null : c.exportReference())
				.require("consignmentReference", blank(c.consignmentReference()) ? null : c.consignmentReference())
				.require("receivedOn", c.receivedOn())
				.notInFuture("receivedOn", c.receivedOn())
				.require("lines", c.lines() == null || c.lines().isEmpty() ? null : c.lines());
			checks.rule(exchange.country().isPresent(), "exportCountry", ExchangeRule.ExchangeIsConfigured);
			checks.rule(country == null || exchange.peer(country).isPresent(), "exportCountry",
					ExchangeRule.RecipientIsAPeer, country);
			if (checks.failed()) {
				return checks.refuse();
			}
			ArrayNode lines = json.createArrayNode();
			c.lines()
				.forEach(l -> lines
					.add(json.createObjectNode().put("lineNo", l.lineNo()).put("quantity", l.quantity())));
			ObjectNode body = json.createObjectNode()
				.put("exportReference", c.exportReference().trim())
				.put("consignmentReference", c.consignmentReference().trim())
				.put("receivedOn", c.receivedOn().toString());
			body.set("lines", lines);
			Exchange.Sealed sealed = exchange.seal(MessageType.RECEIPT_CONFIRMATION, country, body);
			return Decision
				.<ExchangeEvent>record(null,
						new ExchangeEvent.MessageSent(sealed.id(), country, MessageType.RECEIPT_CONFIRMATION,
								sealed.sha256(), sealed.at()))
				.alsoWrite(exchange.outboxRow(sealed));
		});
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
