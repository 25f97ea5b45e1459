package com.augno.errors.spring.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The values a client can send in JSON for each constant of an enum, as the application's
 * mapper reads them: {@code "in_transit"} for a constant {@code IN_TRANSIT} with
 * {@code @JsonProperty("in_transit")}, the value of a {@code @JsonValue} method, or an
 * enum naming strategy's name. Each constant is written with the mapper and kept only if
 * reading the result back gives the same constant, so that what a message lists is what
 * the mapper accepts. Learned once per enum type.
 *
 * @since 0.1.0
 */
final class JsonEnumValues {

	private final ObjectMapper mapper;

	private final ConcurrentMap<Class<?>, List<String>> values = new ConcurrentHashMap<>();

	JsonEnumValues(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Return the JSON values of an enum's constants, in declaration order.
	 * @param enumType the enum type
	 * @return the values, as the client writes them without quotes; empty if none reads
	 * back
	 */
	List<String> of(Class<?> enumType) {
		return this.values.computeIfAbsent(enumType, this::introspect);
	}

	private List<String> introspect(Class<?> enumType) {
		List<String> found = new ArrayList<>();
		for (Object constant : enumType.getEnumConstants()) {
			try {
				JsonNode value = this.mapper.valueToTree(constant);
				if (this.mapper.treeToValue(value, enumType) == constant) {
					found.add(value.isString() ? value.asString() : value.toString());
				}
			}
			catch (RuntimeException ex) {
				// A constant the mapper cannot write or read back is not offered.
			}
		}
		return List.copyOf(found);
	}

}
