package org.armstrace.tracing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryEvent;
import org.armstrace.registry.RegistryEvent.FirearmClassified;
import org.armstrace.registry.RegistryEvent.FirearmConverted;
import org.armstrace.registry.RegistryEvent.FirearmDeactivated;
import org.armstrace.registry.RegistryEvent.FirearmDestroyed;
import org.armstrace.registry.RegistryEvent.FirearmExported;
import org.armstrace.registry.RegistryEvent.FirearmFoundAfterDestruction;
import org.armstrace.registry.RegistryEvent.FirearmImported;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryEvent.FirearmMarked;
import org.armstrace.registry.RegistryEvent.FirearmRecovered;
import org.armstrace.registry.RegistryEvent.FirearmReportedLost;
import org.armstrace.registry.RegistryEvent.FirearmReportedStolen;
import org.armstrace.registry.RegistryEvent.FirearmSeized;
import org.armstrace.registry.RegistryEvent.FirearmTransferred;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.armstrace.registry.RegistryEvent.TransitRecorded;
import org.armstrace.registry.RegistryQueries.HolderView;
import org.armstrace.registry.RegistryQueries.TimelineEvent;
import org.armstrace.tracing.CustodyChain.ChainEvent;
import org.armstrace.tracing.CustodyChain.Fact;
import org.armstrace.tracing.CustodyChain.Flag;
import org.armstrace.tracing.CustodyChain.FlagKind;
import org.armstrace.tracing.CustodyChain.FlagReason;
import org.armstrace.tracing.CustodyChain.LegalHolder;
import org.armstrace.tracing.CustodyChain.RetailSale;

/**
 * A firearm's facts folded, oldest first, into its chain: every fact as a coded chain
 * event, the legal holders in turn, the first retail sale, and the flags the legal facts
 * leave open (missing and not recovered, exported and not re-imported, destroyed,
 * deactivated). Facts after the legal chain are listed but change nothing.
 */
final class ChainFold {

	private static final Set<HolderRole> TRADE = EnumSet.of(HolderRole.DEALER, HolderRole.MANUFACTURER,
			HolderRole.BROKER);

	/**
	 * How a holder is named on a chain: role and record id, never a name (answers are
	 * frozen on the ledger).
	 */
	private static final String UNRECORDED = "UNRECORDED_HOLDER";

	private final Function<UUID, HolderView> holders;

	private final List<ChainEvent> events = new ArrayList<>();

	private final List<LegalHolder> chain = new ArrayList<>();

	private RetailSale retail;

	private Optional<Flag> missing = Optional.empty();

	private Optional<Flag> exported = Optional.empty();

	private Optional<Flag> destroyed = Optional.empty();

	private Optional<Flag> deactivated = Optional.empty();

	ChainFold(Function<UUID, HolderView> holders) {
		this.holders = holders;
	}

	/**
	 * Folds one fact in; {@code legal} is false for the findings that ended the legal
	 * chain and what followed.
	 */
	void add(RegistryEvent fact, TimelineEvent t, boolean legal) {
		List<String> values = new ArrayList<>();
		Fact kind = describe(fact, values);
		events.add(new ChainEvent(t.seq(), t.type(), t.occurredOn(), kind, values, legal, null));
		if (!legal) {
			return;
		}
		LocalDate on = t.occurredOn() != null ? t.occurredOn() : t.recordedAt().atZone(ZoneOffset.UTC).toLocalDate();
		newHolder(fact).ifPresent(holder -> takenOverBy(holder, on, t.type()));
		if (fact instanceof FirearmTransferred tr && retail == null && isTrade(tr.fromHolderId())
				&& !isTrade(tr.toHolderId())) {
			retail = new RetailSale(tr.fromHolderId(), tr.toHolderId(), on);
		}
		switch (fact) {
			case FirearmReportedLost l ->
				missing = Optional.of(Flag.of(FlagKind.LOST_OR_STOLEN, FlagReason.REPORTED_LOST, on));
			case FirearmReportedStolen s -> missing = Optional.of(s.reportReference() == null
					? Flag.of(FlagKind.LOST_OR_STOLEN, FlagReason.REPORTED_STOLEN, on) : Flag
						.of(FlagKind.LOST_OR_STOLEN, FlagReason.REPORTED_STOLEN_WITH_REPORT, on, s.reportReference()));
			case FirearmRecovered r -> missing = Optional.empty();
			case FirearmSeized s -> missing = Optional.empty();
			case FirearmExported x -> exported = Optional
				.of(Flag.of(FlagKind.RE_ENTRY, FlagReason.EXPORTED_NOT_RE_IMPORTED, x.toCountry(), on));
			case FirearmImported im -> exported = Optional.empty();
			case FirearmDestroyed d ->
				destroyed = Optional.of(Flag.of(FlagKind.FOUND_AFTER_DESTRUCTION, FlagReason.RECORDED_DESTROYED));
			case FirearmDeactivated d ->
				deactivated = Optional.of(Flag.of(FlagKind.FOUND_AFTER_DEACTIVATION, FlagReason.RECORDED_DEACTIVATED));
			default -> {
			}
		}
	}

	List<ChainEvent> events() {
		return List.copyOf(events);
	}

	List<LegalHolder> holders() {
		return List.copyOf(chain);
	}

	RetailSale retailSale() {
		return retail;
	}

	/** The flags the legal chain left open, in the order an officer reads them. */
	List<Flag> openFlags() {
		List<Flag> flags = new ArrayList<>();
		missing.ifPresent(flags::add);
		exported.ifPresent(flags::add);
		destroyed.ifPresent(flags::add);
		if (destroyed.isEmpty()) {
			deactivated.ifPresent(flags::add);
		}
		return flags;
	}

	private static Optional<UUID> newHolder(RegistryEvent fact) {
		return Optional.ofNullable(switch (fact) {
			case FirearmManufactured m -> m.holderId();
			case LegacyFirearmImported l -> l.holderId();
			case FirearmImported im -> im.importerId();
			case FirearmTransferred tr -> tr.toHolderId();
			default -> null;
		});
	}

	private void takenOverBy(UUID holder, LocalDate on, String type) {
		if (!chain.isEmpty()) {
			LegalHolder last = chain.removeLast();
			chain
				.add(new LegalHolder(last.holderId(), last.role(), last.country(), last.from(), on, last.acquiredBy()));
		}
		HolderView h = holders.apply(holder);
		chain.add(new LegalHolder(holder, h == null ? null : h.role().name(), h == null ? null : h.country(), on, null,
				type));
	}

	/** The fact's code, its values added to {@code values}. */
	private Fact describe(RegistryEvent fact, List<String> values) {
		return switch (fact) {
			case FirearmManufactured m -> heldBy(m.holderId(), values, m.make(), m.countryOfManufacture())
					? Fact.MANUFACTURED_HELD_BY : Fact.MANUFACTURED;
			case LegacyFirearmImported l -> heldBy(l.holderId(), values, l.legacyReference(), l.legacyStatus().name())
					? Fact.LEGACY_TAKEN_OVER_HELD_BY : Fact.LEGACY_TAKEN_OVER;
			case FirearmMarked m -> add(values, Fact.MARKED, m.marking().text());
			case FirearmImported im -> who(im.importerId(), add(values, Fact.IMPORTED, im.fromCountry()), values);
			case FirearmExported x -> x.transitCountries() == null || x.transitCountries().isEmpty()
					? add(values, Fact.EXPORTED, x.toCountry())
					: add(values, Fact.EXPORTED_THROUGH, x.toCountry(), String.join(", ", x.transitCountries()));
			case TransitRecorded tr -> add(values, Fact.IN_TRANSIT, tr.fromCountry(), tr.toCountry());
			case FirearmTransferred tr -> who(tr.toHolderId(),
					who(tr.fromHolderId(), isTrade(tr.fromHolderId()) ? Fact.SOLD : Fact.TRANSFERRED, values), values);
			case FirearmReportedLost l -> who(l.reportedBy(), Fact.REPORTED_LOST, values);
			case FirearmReportedStolen s -> who(s.reportedBy(), Fact.REPORTED_STOLEN, values);
			case FirearmRecovered r -> add(values, Fact.RECOVERED, r.authority());
			case FirearmSeized s -> s.caseReference() == null ? add(values, Fact.SEIZED, s.authority())
					: add(values, Fact.SEIZED_IN_CASE, s.authority(), s.caseReference());
			case FirearmDeactivated d -> add(values, Fact.DEACTIVATED, d.certificateNumber());
			case FirearmConverted c -> add(values, Fact.CONVERTED, c.newType().name());
			case FirearmClassified c -> add(values, Fact.CLASSIFIED, c.category());
			case FirearmDestroyed d -> add(values, Fact.DESTROYED, d.method());
			case FirearmFoundAfterDestruction f -> add(values, Fact.FOUND_AFTER_DESTRUCTION, f.authority());
			default -> throw new IllegalArgumentException("not a fact of a firearm's life: " + fact.type());
		};
	}

	private boolean heldBy(UUID holder, List<String> values, String... first) {
		values.addAll(List.of(first));
		if (holder == null) {
			return false;
		}
		who(holder, null, values);
		return true;
	}

	private static Fact add(List<String> values, Fact fact, String... more) {
		for (String value : more) {
			values.add(value == null ? "" : value);
		}
		return fact;
	}

	/**
	 * Adds a holder as role and id (an unrecorded one as a code of its own) and passes
	 * {@code fact} on.
	 */
	private Fact who(UUID id, Fact fact, List<String> values) {
		HolderView h = id == null ? null : holders.apply(id);
		values.add(id == null ? UNRECORDED : h == null ? "HOLDER" : h.role().name());
		values.add(id == null ? "" : id.toString());
		return fact;
	}

	private boolean isTrade(UUID holder) {
		HolderView h = holder == null ? null : holders.apply(holder);
		return h != null && TRADE.contains(h.role());
	}

}
