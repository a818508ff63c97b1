package org.armstrace.transfers;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param receiptDueDays days after shipment by which the importing side's receipt is due;
 * past it, an unconfirmed consignment is a diversion alert (default 30)
 * @param endUserCertificateExemptCountries destinations (ISO 3166-1 alpha-3) to which an
 * export needs no verified end-user certificate, as the State decides (e.g. within a
 * customs union); none by default
 */
@ConfigurationProperties("armstrace.transfers")
record TransfersProperties(Integer receiptDueDays, Set<String> endUserCertificateExemptCountries) {

	TransfersProperties {
		receiptDueDays = receiptDueDays == null ? 30 : receiptDueDays;
		if (receiptDueDays < 1 || receiptDueDays > 365) {
			throw new IllegalArgumentException(
					"armstrace.transfers.receipt-due-days must be between 1 and 365, was " + receiptDueDays);
		}
		endUserCertificateExemptCountries = endUserCertificateExemptCountries == null ? Set.of()
				: Set.copyOf(endUserCertificateExemptCountries);
	}

}
