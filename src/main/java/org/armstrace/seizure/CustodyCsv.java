package org.armstrace.seizure;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Items in custody as a CSV an evidence officer can hand on. */
final class CustodyCsv {

	private CustodyCsv() {
	}

	static String of(List<SeizureQueries.ItemView> items) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("storage_location", "custody_status", "custodian", "since", "item", "kind",
							"serial_as_read", "make", "calibre", "quantity", "record_number", "judicial_holds")
					.get())) {
			for (SeizureQueries.ItemView i : items) {
				csv.printRecord(i.storageLocation(), i.custodyStatus(), i.custodian(), i.custodySince(), i.reference(),
						i.kind(), i.observedSerial(), i.make(), i.calibre(), i.quantity(), i.recordNumber(),
						String.join("; ",
								i.holds()
									.stream()
									.filter(h -> h.releasedOn() == null)
									.map(h -> h.caseReference() + " " + h.court()
											+ (h.until() == null ? " indefinitely" : " until " + h.until()))
									.toList()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

}
