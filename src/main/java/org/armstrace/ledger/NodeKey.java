package org.armstrace.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

import org.armstrace.ledger.merkle.Ed25519Keys;
import org.armstrace.ledger.merkle.NoteSigner;
import org.armstrace.ledger.merkle.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The node's Ed25519 signing key, created at first start in
 * {@code ARMSTRACE_HOME/ledger-key.pem}, readable by its owner only. Losing it does not
 * lose the ledger, but heads signed with it can then only be checked with its public key
 * (kept by witnesses): back it up.
 */
@Component
class NodeKey {

	private static final Logger log = LoggerFactory.getLogger(NodeKey.class);

	static final String FILE_NAME = "ledger-key.pem";

	private final NoteSigner signer;

	private final NoteVerifier verifier;

	private final KeyPair keyPair;

	NodeKey(LedgerProperties properties, @Value("${armstrace.home}") Path home) {
		this.keyPair = loadOrCreate(home.resolve(FILE_NAME));
		this.signer = new NoteSigner(properties.origin(), keyPair.getPrivate(), keyPair.getPublic());
		this.verifier = new NoteVerifier(properties.origin(), keyPair.getPublic());
	}

	private static KeyPair loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Ed25519Keys.keyPairFromPem(Files.readString(file));
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			KeyPair created = Ed25519Keys.generate();
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "ledger-key", ".tmp");
			restrictToOwner(temporary);
			Files.writeString(temporary, Ed25519Keys.toPem(created));
			try {
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException raced) {
				Files.delete(temporary);
				return Ed25519Keys.keyPairFromPem(Files.readString(file));
			}
			log.info("Created the ledger signing key {}", file);
			return created;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the ledger signing key " + file, e);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the file inherits the user profile's ACLs.
		}
	}

	NoteSigner signer() {
		return signer;
	}

	NoteVerifier verifier() {
		return verifier;
	}

	PrivateKey privateKey() {
		return keyPair.getPrivate();
	}

	String verifierKey() {
		return signer.verifierKey();
	}

	String publicKeyBase64() {
		return Base64.getEncoder().encodeToString(Ed25519Keys.rawPublicKey(keyPair.getPublic()));
	}

}
