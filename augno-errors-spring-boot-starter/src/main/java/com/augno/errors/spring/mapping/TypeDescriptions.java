package com.augno.errors.spring.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Says in words what a value of a Java type must be, for messages about a value the
 * client sent that could not be converted: "must be an integer", "must be one of: asc,
 * desc".
 *
 * @since 0.1.0
 */
final class TypeDescriptions {

	private static final int MAX_ENUM_VALUES = 20;

	private TypeDescriptions() {
	}

	static String mustBe(@Nullable Class<?> type) {
		if (type == null) {
			return "has an invalid value";
		}
		Class<?> boxed = box(type);
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class) {
			return "must be an integer";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "must be a number";
		}
		if (boxed == Boolean.class) {
			return "must be true or false";
		}
		if (type.isEnum()) {
			return mustBeOneOf(
					Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList());
		}
		if (type == LocalDate.class) {
			return "must be a date (YYYY-MM-DD)";
		}
		if (type == LocalTime.class) {
			return "must be a time (HH:MM:SS)";
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
				|| type == LocalDateTime.class || Temporal.class.isAssignableFrom(type)) {
			return "must be an ISO-8601 date-time";
		}
		if (type == UUID.class) {
			return "must be a UUID";
		}
		if (type == BigDecimal.class) {
			return "must be a number";
		}
		return "has an invalid format";
	}

	/**
	 * Say which values are allowed, as long as they are few enough to list.
	 * @param values the allowed values, as the client writes them
	 * @return "must be one of: a, b", or "has an invalid value" for none or too many
	 */
	static String mustBeOneOf(List<String> values) {
		if (values.isEmpty() || values.size() > MAX_ENUM_VALUES) {
			return "has an invalid value";
		}
		return "must be one of: " + String.join(", ", values);
	}

	static String aValueOf(@Nullable Class<?> type) {
		if (type == null) {
			return "its type";
		}
		Class<?> boxed = box(type);
		if (boxed == Integer.class || boxed == Short.class || boxed == Byte.class) {
			return "an integer";
		}
		if (boxed == Long.class) {
			return "a 64-bit integer";
		}
		return "a number";
	}

	private static Class<?> box(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		if (type == int.class) {
			return Integer.class;
		}
		if (type == long.class) {
			return Long.class;
		}
		if (type == short.class) {
			return Short.class;
		}
		if (type == byte.class) {
			return Byte.class;
		}
		if (type == boolean.class) {
			return Boolean.class;
		}
		if (type == double.class || type == float.class) {
			return Double.class;
		}
		return type;
	}

}
