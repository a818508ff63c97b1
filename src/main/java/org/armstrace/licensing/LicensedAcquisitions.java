package org.armstrace.licensing;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.armstrace.command.Refusal;
import org.armstrace.licensing.LicenceQueries.LicenceView;
import org.armstrace.reference.FirearmCategories;
import org.armstrace.registry.AcquisitionCheck;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryQueries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Before a holder acquires a firearm: it must hold a licence valid that day, of a kind
 * that lets its role acquire firearms, covering the firearm's category, and would not
 * hold more of that category than its licences allow. State agencies follow their own
 * rules (their transfers are not checked here); so do export, deactivation and
 * destruction, which are not acquisitions.
 */
@Component
@ConditionalOnProperty(name = "armstrace.licensing.check-acquisitions", havingValue = "true", matchIfMissing = true)
class LicensedAcquisitions implements AcquisitionCheck {

	private static final String FIELD = "toHolderId";

	private final LicenceQueries licences;

	private final RegistryQueries registry;

	LicensedAcquisitions(LicenceQueries licences, RegistryQueries registry) {
		this.licences = licences;
		this.registry = registry;
	}

	@Override
	public List<Refusal> refusals(Acquisition a) {
		if (a.acquirerRole() == HolderRole.STATE_AGENCY) {
			return List.of();
		}
		if (FirearmCategories.UNCLASSIFIED.equals(a.category())) {
			return List.of(Refusal.of("firearmId", LicensingRule.FirearmIsClassified, a.firearmId()));
		}
		Set<LicenceKind> kinds = LicenceKind.acquiringAs(a.acquirerRole());
		List<LicenceView> valid = licences.ofHolder(a.acquirerId())
			.stream()
			.filter(l -> kinds.contains(l.kind()) && l.validOn(a.on()))
			.toList();
		if (valid.isEmpty()) {
			return List.of(Refusal.of(FIELD, LicensingRule.AcquirerIsLicensed, a.acquirerId(), a.acquirerRole(), a.on(),
					numbersOf(licences.ofHolder(a.acquirerId()))));
		}
		List<LicenceView> covering = valid.stream()
			.filter(l -> l.coverage().stream().anyMatch(c -> a.category().equals(c.category())))
			.toList();
		if (covering.isEmpty()) {
			return List.of(Refusal.of(FIELD, LicensingRule.LicenceCoversCategory, a.category(), numbersOf(valid)));
		}
		boolean unlimited = covering.stream()
			.flatMap(l -> l.coverage().stream())
			.anyMatch(c -> a.category().equals(c.category()) && c.quantity() == null);
		if (unlimited) {
			return List.of();
		}
		long allowed = covering.stream()
			.flatMap(l -> l.coverage().stream())
			.filter(c -> a.category().equals(c.category()))
			.mapToLong(Coverage::quantity)
			.sum();
		long held = registry.heldInCategory(a.acquirerId(), a.category());
		if (held + 1 > allowed) {
			return List.of(Refusal.of(FIELD, LicensingRule.LicenceQuantityIsNotExceeded, a.category(), held, allowed,
					numbersOf(covering)));
		}
		return List.of();
	}

	private static String numbersOf(List<LicenceView> licences) {
		List<String> numbers = licences.stream().map(LicenceView::number).filter(Objects::nonNull).toList();
		return numbers.isEmpty() ? "—" : String.join(", ", numbers);
	}

}
