package org.armstrace.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.licensing.Coverage;
import org.armstrace.licensing.GeneratedLicences;
import org.armstrace.licensing.LicenceKind;
import org.armstrace.licensing.LicensingEvent;
import org.armstrace.registry.Classifications;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.TracePriority;
import org.armstrace.tracing.TraceRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases the demo plants for the cross-checks, through the modules' commands: a retail
 * dealer whose pistols turn up within a year of their sale, a buyer of three handguns in
 * four days (beside one who bought two ten days apart, which is no multiple sale), and a
 * licensed owner whose firearms are traced three times. Each pistol is classified and
 * each buyer licensed for it, as the acquisition checks require.
 */
@Service
public class DemoCrossChecks {

	/** What was planted: the cases the cross-checks must find, and one they must not. */
	public record Planted(UUID dealerId, int dealerShortTraces, UUID multipleBuyerId, int handgunsBought,
			UUID spacedBuyerId, UUID licenceId, UUID licenceHolderId, int licenceTraces) {
	}

	static final String ACTOR = "system:demo-cross-checks";

	private final HolderCommands holders;

	private final FirearmCommands firearms;

	private final TraceRequests traceRequests;

	private final GeneratedLicences licences;

	private final TransactionTemplate transactions;

	private final Classifications classifications;

	DemoCrossChecks(HolderCommands holders, FirearmCommands firearms, TraceRequests traceRequests,
			GeneratedLicences licences, TransactionTemplate transactions, Classifications classifications) {
		this.classifications = classifications;
		this.holders = holders;
		this.firearms = firearms;
		this.traceRequests = traceRequests;
		this.licences = licences;
		this.transactions = transactions;
	}

	/** Plants the cases in the country, dated before {@code today}. */
	public Planted plant(String country, LocalDate today) {
		return transactions.execute(status -> {
			LocalDate madeOn = today.minusYears(2);
			UUID dealer = holder(HolderRole.DEALER, "Synthetic Planted Arms Retail", country);
			int shortTraces = 4;
			for (int i = 0; i < shortTraces; i++) {
				UUID owner = licensedOwner("Synthetic Planted Buyer " + i, 1, country, madeOn);
				UUID pistol = pistol(dealer, country, madeOn);
				ok(firearms.transfer(pistol, new FirearmCommands.TransferFirearm(owner, today.minusDays(400 - 20 * i)),
						ACTOR, null));
				UUID trace = trace(pistol, country, today.minusDays(100 - i));
				ok(traceRequests.answer(trace, ACTOR));
			}

			UUID shop = holder(HolderRole.DEALER, "Synthetic Planted Gun Shop", country);
			UUID multiple = licensedOwner("Synthetic Planted Multiple Buyer", 3, country, madeOn);
			int bought = 3;
			for (int i = 0; i < bought; i++) {
				ok(firearms.transfer(pistol(shop, country, madeOn),
						new FirearmCommands.TransferFirearm(multiple, today.minusDays(60 - (i == 0 ? 0 : i + 1))),
						ACTOR, null));
			}
			UUID spaced = licensedOwner("Synthetic Planted Occasional Buyer", 2, country, madeOn);
			for (int i = 0; i < 2; i++) {
				ok(firearms.transfer(pistol(shop, country, madeOn),
						new FirearmCommands.TransferFirearm(spaced, today.minusDays(60 - 10 * i)), ACTOR, null));
			}

			UUID licensed = holder(HolderRole.PRIVATE_OWNER, "Synthetic Planted Licensed Owner", country);
			UUID licence = license(licensed, 4, country, madeOn);
			UUID first = pistol(licensed, country, madeOn);
			UUID second = pistol(licensed, country, madeOn);
			trace(first, country, today.minusDays(200));
			trace(second, country, today.minusDays(120));
			trace(first, country, today.minusDays(30));
			return new Planted(dealer, shortTraces, multiple, bought, spaced, licence, licensed, 3);
		});
	}

	/** A private owner with a possession licence for {@code pistols} pistols. */
	private UUID licensedOwner(String name, int pistols, String country, LocalDate madeOn) {
		UUID owner = holder(HolderRole.PRIVATE_OWNER, name, country);
		license(owner, pistols, country, madeOn);
		return owner;
	}

	/**
	 * A possession licence covering {@code pistols} firearms of category B, granted soon
	 * after the pistols were made.
	 */
	private UUID license(UUID holder, int pistols, String country, LocalDate madeOn) {
		UUID licence = UUID.randomUUID();
		licences.record(List.of(
				new LicensingEvent.LicenceApplied(licence, holder, LicenceKind.POSSESSION, "Demo licensing authority",
						List.of(new Coverage(PISTOL_CATEGORY, pistols)), null, true, madeOn),
				new LicensingEvent.LicenceGranted(licence,
						country + "-POS-PLANTED-" + licence.toString().substring(0, 8), madeOn.plusDays(20),
						madeOn.plusYears(5))),
				ACTOR);
		return licence;
	}

	/** Pistols are category B in the default classification (EU Directive 2021/555). */
	private static final String PISTOL_CATEGORY = "B";

	private UUID holder(HolderRole role, String name, String country) {
		return ok(holders.register(new HolderCommands.RegisterHolder(role, name, null, country, null), ACTOR, null));
	}

	private UUID pistol(UUID holder, String country, LocalDate madeOn) {
		String serial = "PLT" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
		UUID pistol = ok(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "17",
				"9x19mm", serial, country, madeOn.getYear(), List.of(), holder, null, false, madeOn), ACTOR, null));
		ok(classifications.classify(pistol, new Classifications.Classify(PISTOL_CATEGORY, madeOn), ACTOR, null));
		return pistol;
	}

	/** A trace request for the firearm recovered on the day, confirmed to it. */
	private UUID trace(UUID firearm, String country, LocalDate recoveredOn) {
		return ok(traceRequests.open(new TraceRequests.OpenTraceRequest(ObservedMarkings.ofSerial("*", "Glock"),
				TracePriority.ROUTINE, null, recoveredOn, recoveredOn, country, null, null, null, null, null, firearm),
				ACTOR, null));
	}

	private static UUID ok(CommandResult result) {
		if (result instanceof CommandResult.Accepted a) {
			return a.subjectId();
		}
		throw new IllegalStateException("a planted case was refused: " + result);
	}

}
