package org.armstrace.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets of second factors at rest (AES-256-GCM, a fresh nonce per secret)
 * with a key of the node, created at first use in
 * {@code ARMSTRACE_HOME/second-factor-key}, readable by its owner only. The database
 * alone does not reveal a secret; back the key up with it (without the key, everyone
 * enrols again).
 */
@Component
class SecretBox {

	static final String FILE_NAME = "second-factor-key";

	private final BytesEncryptor encryptor;

	SecretBox(@Value("${armstrace.home}") Path home) {
		this.encryptor = new AesBytesEncryptor(new SecretKeySpec(loadOrCreate(home.resolve(FILE_NAME)), "AES"),
				KeyGenerators.secureRandom(16), AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	String seal(String secret) {
		return Base64.getEncoder().encodeToString(encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
	}

	String open(String sealed) {
		return new String(encryptor.decrypt(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
	}

	private static byte[] loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the file inherits the user profile's ACLs.
			}
			Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
			try {
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException raced) {
				Files.delete(temporary);
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the second-factor key " + file, e);
		}
	}

}
