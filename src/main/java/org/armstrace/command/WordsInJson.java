package org.armstrace.command;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Every {@link Wording} the application's JSON shows (the API, downloads) carries its
 * English sentence as {@code message} beside its code and values. The ledger does not: it
 * encodes events with a mapper of its own, so what is hashed holds codes and values only.
 */
@Configuration(proxyBeanMethods = false)
class WordsInJson {

	@Bean
	JacksonModule englishMessages(Words words) {
		return new SimpleModule("armstrace-words").setSerializerModifier(new ValueSerializerModifier() {
			@Override
			public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
					BeanDescription.Supplier description, List<BeanPropertyWriter> properties) {
				if (!Wording.class.isAssignableFrom(description.getBeanClass()) || properties.isEmpty()
						|| properties.stream().anyMatch(p -> p.getName().equals(MESSAGE))) {
					return properties;
				}
				List<BeanPropertyWriter> more = new ArrayList<>(properties);
				more.add(new Message(properties.getFirst(), words));
				return more;
			}
		});
	}

	private static final String MESSAGE = "message";

	/**
	 * A property "message" computed from the bean, borrowing the shape of another
	 * property's writer.
	 */
	private static final class Message extends BeanPropertyWriter {

		private final transient Words words;

		Message(BeanPropertyWriter base, Words words) {
			super(base, PropertyName.construct(MESSAGE));
			this.words = words;
		}

		@Override
		public void serializeAsProperty(Object bean, JsonGenerator generator, SerializationContext context) {
			generator.writeName(MESSAGE);
			generator.writeString(words.english((Wording) bean));
		}

		@Override
		public void serializeAsElement(Object bean, JsonGenerator generator, SerializationContext context) {
			generator.writeString(words.english((Wording) bean));
		}

	}

}
