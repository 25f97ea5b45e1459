package com.augno.errors.spring.mapping;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Recognises a throwable by the names of its class and superclasses: for the libraries
 * the starter maps without depending on them (JPA, Hibernate, JWT libraries,
 * kotlinx.serialization), whose classes may be absent.
 *
 * @since 0.1.0
 */
public final class ClassNames {

	private ClassNames() {
	}

	/**
	 * Return the value of the nearest class of a type's hierarchy, the type first, whose
	 * name is a key.
	 * @param <T> the type of the values
	 * @param type the type
	 * @param byName values by class name
	 * @return the value, or {@code null} if no class of the hierarchy is named
	 */
	public static <T> @Nullable T nearest(Class<?> type, Map<String, T> byName) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			T value = byName.get(current.getName());
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/**
	 * Return whether a type or one of its superclasses has one of the names.
	 * @param type the type
	 * @param names class names
	 * @return whether one class of the hierarchy is named
	 */
	public static boolean isAny(Class<?> type, Set<String> names) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			if (names.contains(current.getName())) {
				return true;
			}
		}
		return false;
	}

}
