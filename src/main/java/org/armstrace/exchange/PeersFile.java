package org.armstrace.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.armstrace.command.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Peers from a file an operator keeps with the node's configuration
 * ({@code armstrace.exchange.peers-file}): one peer a line,
 * {@code country,baseUrl,verifierKey}, {@code #} for comments. At start each peer that is
 * new or changed is configured as an administrator would configure it (a ledger fact,
 * checked by the same rules); a line the rules refuse is logged with the reason and left
 * out.
 */
@Component
class PeersFile {

	private static final Logger log = LoggerFactory.getLogger(PeersFile.class);

	private final Exchange exchange;

	private final String file;

	PeersFile(Exchange exchange, @Value("${armstrace.exchange.peers-file:}") String file) {
		this.exchange = exchange;
		this.file = file;
	}

	@EventListener(ApplicationReadyEvent.class)
	void configure() {
		if (file == null || file.isBlank() || exchange.country().isEmpty()) {
			return;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(Path.of(file.trim()), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			log.error("Cannot read the peers file {}: {}", file, e.getMessage());
			return;
		}
		int lineNo = 0;
		for (String line : lines) {
			lineNo++;
			String text = line.strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			String[] cells = text.split("\\s*,\\s*", 3);
			if (cells.length != 3) {
				log.error("Peers file {} line {}: expected country,baseUrl,verifierKey", file, lineNo);
				continue;
			}
			Exchange.ConfigurePeer peer = new Exchange.ConfigurePeer(cells[0], cells[1], cells[2]);
			Optional<Exchange.Peer> known = exchange.peer(cells[0].toUpperCase());
			if (known.isPresent() && known.get().baseUrl().equals(cells[1].replaceAll("/+$", ""))
					&& known.get().verifierKey().equals(cells[2])) {
				continue;
			}
			if (exchange.configurePeer(peer, "system:peers-file") instanceof CommandResult.Rejected rejected) {
				log.error("Peers file {} line {} refused: {}", file, lineNo, rejected.violations());
			}
			else {
				log.info("Peer {} configured from {}", cells[0].toUpperCase(), file);
			}
		}
	}

}
