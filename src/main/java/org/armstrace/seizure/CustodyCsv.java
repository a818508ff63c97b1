package org.armstrace.seizure;

import java.io.StringWriter;
import java.util.List;

import org.armstrace.csv.CsvWriter;

/**
 * Items in custody as a CSV an evidence officer can hand on; no cell runs as a formula.
 */
final class CustodyCsv {

	private CustodyCsv() {
	}

	static String of(List<SeizureQueries.ItemView> items) {
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out).row("storage_location", "custody_status", "custodian", "since", "item",
				"kind", "serial_as_read", "make", "calibre", "quantity", "record_number", "judicial_holds");
		for (SeizureQueries.ItemView i : items) {
			csv.row(i.storageLocation(), i.custodyStatus(), i.custodian(), i.custodySince(), i.reference(), i.kind(),
					i.observedSerial(), i.make(), i.calibre(), i.quantity(), i.recordNumber(),
					String.join("; ",
							i.holds()
								.stream()
								.filter(h -> h.releasedOn() == null)
								.map(h -> h.caseReference() + " " + h.court()
										+ (h.until() == null ? " indefinitely" : " until " + h.until()))
								.toList()));
		}
		return out.toString();
	}

}
