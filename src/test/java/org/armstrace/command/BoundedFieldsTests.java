package org.armstrace.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Every text and every list a client can send has a maximum: each field of each request
 * body of the API, down through the records it holds, carries {@link Size}, and each
 * nested record is {@link Valid}, so the kernel checks it before any work and the OpenAPI
 * document names it.
 */
class BoundedFieldsTests {

	@Test
	void everyTextAndListAClientSendsHasAMaximum() {
		List<String> unbounded = new ArrayList<>();
		Set<Class<?>> seen = new HashSet<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.armstrace")) {
			if (!type.isAnnotatedWith(RestController.class)) {
				continue;
			}
			for (Method method : type.reflect().getDeclaredMethods()) {
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
						inspect(parameter.getType(), unbounded, seen);
					}
				}
			}
		}
		assertThat(seen).as("request bodies inspected").hasSizeGreaterThan(20);
		assertThat(unbounded).isEmpty();
	}

	private static void inspect(Class<?> record, List<String> unbounded, Set<Class<?>> seen) {
		if (!seen.add(record)) {
			return;
		}
		for (RecordComponent component : record.getRecordComponents()) {
			Field field = field(record, component.getName());
			Class<?> type = component.getType();
			String name = record.getSimpleName() + "." + component.getName();
			if ((type == String.class || Collection.class.isAssignableFrom(type))
					&& !field.isAnnotationPresent(Size.class)) {
				unbounded.add(name + " has no @Size");
			}
			if (type.isRecord() && type.getPackageName().startsWith("org.armstrace")) {
				if (!field.isAnnotationPresent(Valid.class)) {
					unbounded.add(name + " is not @Valid");
				}
				inspect(type, unbounded, seen);
			}
			Type generic = component.getGenericType();
			if (generic instanceof ParameterizedType list
					&& list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
				inspect(element, unbounded, seen);
			}
		}
	}

	private static Field field(Class<?> record, String name) {
		try {
			return record.getDeclaredField(name);
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException(e);
		}
	}

}
