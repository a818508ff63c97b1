package org.armstrace.identity;

import static org.armstrace.identity.Role.ADMIN;
import static org.armstrace.identity.Role.ANALYST;
import static org.armstrace.identity.Role.AUDITOR;
import static org.armstrace.identity.Role.CUSTOMS;
import static org.armstrace.identity.Role.DEALER;
import static org.armstrace.identity.Role.FOCAL_POINT;
import static org.armstrace.identity.Role.INVESTIGATOR;
import static org.armstrace.identity.Role.LICENSING;
import static org.armstrace.identity.Role.REGISTRAR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Which role may call which API endpoint: the matrix of docs/roles.md, in code. The first
 * rule whose method and path pattern match decides; an endpoint no rule names is refused
 * to everyone but ADMIN.
 */
final class AccessRules {

	record Rule(HttpMethod method, String pattern, Set<Role> roles) {
	}

	static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

	static final Set<Role> READERS = Role.READERS;

	static final List<Rule> API = List.of(rule(HttpMethod.GET, "/api/v1/ledger/entries/**", ADMIN, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/ledger/verify", ADMIN, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/ledger/projections/verify", ADMIN, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/ledger/projections/report", ADMIN, AUDITOR),
			rule(HttpMethod.GET, "/actuator/prometheus", ADMIN), rule(HttpMethod.GET, "/api/v1/holders/**", READERS),
			rule(HttpMethod.POST, "/api/v1/holders", ADMIN, REGISTRAR, LICENSING),
			rule(HttpMethod.POST, "/api/v1/firearms/imports", ADMIN, REGISTRAR),
			rule(HttpMethod.GET, "/api/v1/firearms/imports/**", ADMIN, REGISTRAR),
			rule(HttpMethod.GET, "/api/v1/firearms", READERS),
			rule(HttpMethod.GET, "/api/v1/firearms/*", ADMIN, REGISTRAR, LICENSING, CUSTOMS, INVESTIGATOR, AUDITOR,
					FOCAL_POINT, DEALER),
			rule(HttpMethod.GET, "/api/v1/firearms/**", READERS), rule(HttpMethod.GET, "/api/v1/dealer/stock", DEALER),
			rule(HttpMethod.GET, "/api/v1/dealer/register", DEALER),
			rule(HttpMethod.GET, "/api/v1/dealer/register.csv", DEALER),
			rule(HttpMethod.POST, "/api/v1/dealer/acquisitions", DEALER),
			rule(HttpMethod.POST, "/api/v1/holders/*/dealer-accounts", ADMIN),
			rule(HttpMethod.POST, "/api/v1/firearms", ADMIN, REGISTRAR),
			rule(HttpMethod.POST, "/api/v1/firearms/production-runs", ADMIN, REGISTRAR),
			rule(HttpMethod.POST, "/api/v1/firearms/*/transfers", ADMIN, REGISTRAR, DEALER),
			rule(HttpMethod.POST, "/api/v1/firearms/*/lost-reports", ADMIN, REGISTRAR, INVESTIGATOR, DEALER),
			rule(HttpMethod.POST, "/api/v1/firearms/*/theft-reports", ADMIN, REGISTRAR, INVESTIGATOR, DEALER),
			rule(HttpMethod.POST, "/api/v1/firearms/*/recoveries", ADMIN, REGISTRAR, INVESTIGATOR, CUSTOMS),
			rule(HttpMethod.POST, "/api/v1/firearms/*/seizures", ADMIN, REGISTRAR, INVESTIGATOR, CUSTOMS),
			rule(HttpMethod.POST, "/api/v1/firearms/*/found-after-destruction", ADMIN, REGISTRAR, INVESTIGATOR,
					CUSTOMS),
			rule(HttpMethod.POST, "/api/v1/firearms/*/imports", ADMIN, REGISTRAR, CUSTOMS, LICENSING),
			rule(HttpMethod.POST, "/api/v1/firearms/*/exports", ADMIN, REGISTRAR, CUSTOMS, LICENSING),
			rule(HttpMethod.POST, "/api/v1/firearms/*/transits", ADMIN, REGISTRAR, CUSTOMS, LICENSING),
			rule(HttpMethod.POST, "/api/v1/firearms/*/classification", ADMIN, REGISTRAR, LICENSING),
			rule(HttpMethod.POST, "/api/v1/firearms/*/*", ADMIN, REGISTRAR), rule(HttpMethod.GET, "/api/v1/parts/*",
					ADMIN, REGISTRAR, LICENSING, CUSTOMS, INVESTIGATOR, AUDITOR, FOCAL_POINT, DEALER),
			rule(HttpMethod.POST, "/api/v1/parts/**", ADMIN, REGISTRAR),
			rule(HttpMethod.GET, "/api/v1/ammunition-lots/*", ADMIN, REGISTRAR, LICENSING, CUSTOMS, INVESTIGATOR,
					AUDITOR, FOCAL_POINT, DEALER),
			rule(HttpMethod.POST, "/api/v1/ammunition-lots/*/transfers", ADMIN, REGISTRAR, DEALER),
			rule(HttpMethod.POST, "/api/v1/ammunition-lots/**", ADMIN, REGISTRAR),
			rule(HttpMethod.GET, "/api/v1/registry/data-quality", ADMIN, REGISTRAR, ANALYST),
			rule(HttpMethod.GET, "/api/v1/registry/data-quality/queue", ADMIN, REGISTRAR, ANALYST),
			rule(HttpMethod.POST, "/api/v1/registry/data-quality/readings", ADMIN, REGISTRAR),
			rule(HttpMethod.POST, "/api/v1/trace/search", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/trace/custody-chains/*", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/trace-requests", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/trace-requests", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/trace-requests/**", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/trace-requests/*/*", ADMIN, REGISTRAR, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/investigation-cases/*", ADMIN, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/investigation-cases/*/persons", ADMIN, INVESTIGATOR),
			rule(HttpMethod.POST, "/api/v1/investigation-cases/*/financial-information", ADMIN, INVESTIGATOR),
			rule(HttpMethod.POST, "/api/v1/seizures", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/seizures/*", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/seized-items/destructions", ADMIN, REGISTRAR),
			rule(HttpMethod.POST, "/api/v1/seized-items/destructions/*/approval", ADMIN, REGISTRAR),
			rule(HttpMethod.GET, "/api/v1/seized-items/**", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/seized-items/*/*", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/custody/**", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/custody/exports", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/custody/exports/*/approval", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR,
					AUDITOR),
			rule(HttpMethod.GET, "/api/v1/iafq", ADMIN, REGISTRAR, ANALYST),
			rule(HttpMethod.POST, "/api/v1/licences", ADMIN, LICENSING),
			rule(HttpMethod.POST, "/api/v1/licences/brokering-activities", ADMIN, LICENSING),
			rule(HttpMethod.GET, "/api/v1/licences/brokering-activities/*", READERS),
			rule(HttpMethod.GET, "/api/v1/licences/*/brokering-activities", READERS),
			rule(HttpMethod.POST, "/api/v1/licences/*/*", ADMIN, LICENSING),
			rule(HttpMethod.GET, "/api/v1/licences/recovery-list", ADMIN, LICENSING, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/licences/recovery-list.csv", ADMIN, LICENSING, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/licences/renewals", ADMIN, LICENSING),
			rule(HttpMethod.GET, "/api/v1/licences/*/document", ADMIN, LICENSING),
			rule(HttpMethod.GET, "/api/v1/licences", READERS), rule(HttpMethod.GET, "/api/v1/licences/*", READERS),
			rule(HttpMethod.POST, "/api/v1/transfer-authorisations/*/consignments", ADMIN, LICENSING, CUSTOMS),
			rule(HttpMethod.POST, "/api/v1/transfer-authorisations/**", ADMIN, LICENSING),
			rule(HttpMethod.POST, "/api/v1/transfer-authorisations", ADMIN, LICENSING),
			rule(HttpMethod.GET, "/api/v1/transfer-authorisations/*/document", ADMIN, LICENSING),
			rule(HttpMethod.GET, "/api/v1/transfer-authorisations", READERS),
			rule(HttpMethod.GET, "/api/v1/transfer-authorisations/*", READERS),
			rule(HttpMethod.POST, "/api/v1/consignments/*/receipt", ADMIN, LICENSING, CUSTOMS),
			rule(HttpMethod.POST, "/api/v1/foreign-export-notices", ADMIN, LICENSING, CUSTOMS),
			rule(HttpMethod.GET, "/api/v1/transfers/alerts", ADMIN, LICENSING, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/transfers/alerts.csv", ADMIN, LICENSING, CUSTOMS, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/shipment-networks", ADMIN, CUSTOMS, INVESTIGATOR, ANALYST, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/shipment-networks/*", ADMIN, CUSTOMS, INVESTIGATOR, ANALYST,
					AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/shipment-alerts", ADMIN, CUSTOMS, INVESTIGATOR, ANALYST, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/cross-checks/*", ADMIN, LICENSING, INVESTIGATOR, ANALYST, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/dashboard", ADMIN, REGISTRAR, INVESTIGATOR, ANALYST, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/flows", ADMIN, REGISTRAR, INVESTIGATOR, ANALYST, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/dashboard/*", ADMIN, REGISTRAR, INVESTIGATOR, ANALYST, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/analytics/links", ADMIN, INVESTIGATOR, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/exchange/peers", ADMIN),
			rule(HttpMethod.POST, "/api/v1/exchange/peers", ADMIN),
			rule(HttpMethod.GET, "/api/v1/exchange/outbox", ADMIN),
			rule(HttpMethod.GET, "/api/v1/exchange/notices", ADMIN, REGISTRAR, CUSTOMS, INVESTIGATOR, FOCAL_POINT),
			rule(HttpMethod.GET, "/api/v1/exchange/hits", ADMIN, REGISTRAR, INVESTIGATOR, FOCAL_POINT),
			rule(HttpMethod.GET, "/api/v1/exchange/trace-requests", ADMIN, FOCAL_POINT),
			rule(HttpMethod.POST, "/api/v1/exchange/trace-requests", ADMIN, FOCAL_POINT),
			rule(HttpMethod.GET, "/api/v1/exchange/trace-requests/*", ADMIN, FOCAL_POINT),
			rule(HttpMethod.POST, "/api/v1/exchange/trace-requests/*/answer", ADMIN, FOCAL_POINT),
			rule(HttpMethod.GET, "/api/v1/exchange/witness", ADMIN, FOCAL_POINT, AUDITOR),
			rule(HttpMethod.POST, "/api/v1/exchange/witness", ADMIN),
			rule(HttpMethod.POST, "/api/v1/exchange/receipt-confirmations", ADMIN, FOCAL_POINT, CUSTOMS),
			rule(HttpMethod.POST, "/api/v1/exchange/information", ADMIN, FOCAL_POINT),
			rule(HttpMethod.GET, "/api/v1/exchange/information", ADMIN, FOCAL_POINT, INVESTIGATOR),
			rule(HttpMethod.GET, "/api/v1/reference/**", EVERYONE),
			rule(HttpMethod.POST, "/api/v1/reference/**", ADMIN),
			rule(HttpMethod.GET, "/api/v1/access-log/**", ADMIN, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/access-log", ADMIN, AUDITOR),
			rule(HttpMethod.GET, "/api/v1/account/**", EVERYONE), rule(HttpMethod.POST, "/api/v1/account/**", EVERYONE),
			rule(HttpMethod.DELETE, "/api/v1/account/**", EVERYONE), rule(HttpMethod.GET, "/api/v1/users", ADMIN),
			rule(HttpMethod.POST, "/api/v1/users", ADMIN));

	private static Rule rule(HttpMethod method, String pattern, Role... roles) {
		return new Rule(method, pattern, EnumSet.copyOf(List.of(roles)));
	}

	private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
		return new Rule(method, pattern, roles);
	}

	private AccessRules() {
	}

}
