package org.armstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.MarkingKind;
import org.armstrace.registry.RegistryEvent;
import org.junit.jupiter.api.Test;

/**
 * Every UI string is a message key with a real text in English, Spanish and French, and
 * every key a template uses exists.
 */
class MessageBundlesTests {

	@Test
	void spanishAndFrenchHaveEveryEnglishKeyTranslated() throws IOException {
		Properties en = load("messages.properties");
		for (String bundle : List.of("messages_es.properties", "messages_fr.properties")) {
			Properties other = load(bundle);
			assertThat(other.stringPropertyNames()).as(bundle).isEqualTo(en.stringPropertyNames());
			assertThat(other.stringPropertyNames()).as(bundle).allMatch(key -> !other.getProperty(key).isBlank());
			long same = en.stringPropertyNames()
				.stream()
				.filter(k -> en.getProperty(k).equals(other.getProperty(k)))
				.count();
			// a few words are the same in both languages (ArmsTrace, Revolver, Action);
			// most are not
			assertThat(same).as(bundle + ": texts left in English").isLessThan(en.size() / 10);
		}
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
		List<String> missing = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = literalKey.matcher(Files.readString(template));
				while (m.find()) {
					if (!keys.contains(m.group(1))) {
						missing.add(template.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEventTypeStatusTypeMarkingAndRoleHasAName() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		List<String> needed = new ArrayList<>(RegistryEvent.TYPES.keySet());
		Stream.of(FirearmStatus.values()).forEach(v -> needed.add("status." + v));
		Stream.of(FirearmType.values()).forEach(v -> needed.add("type." + v));
		Stream.of(MarkingKind.values()).forEach(v -> needed.add("marking." + v));
		Stream.of(HolderRole.values()).forEach(v -> needed.add("role." + v));
		assertThat(needed).allMatch(keys::contains, "has a message key");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(MessageBundlesTests.class.getResourceAsStream("/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
