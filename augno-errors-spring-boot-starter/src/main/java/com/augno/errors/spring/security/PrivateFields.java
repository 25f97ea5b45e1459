package com.augno.errors.spring.security;

import java.lang.reflect.Field;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Reads the few private fields of Spring Security's configuration that say what a filter
 * chain would have done without the starter (whether it has a resource server, and that
 * server's access denied handler), which Spring Security exposes nowhere else. A field a
 * later version renames or hides reads as {@code null}, and the caller keeps its
 * behaviour from before it read such fields.
 *
 * @since 0.1.0
 */
final class PrivateFields {

	private PrivateFields() {
	}

	/**
	 * Read a field of an object.
	 * @param field the field, or {@code null} when it was not found
	 * @param target the object
	 * @return its value, or {@code null} when it is {@code null} or cannot be read
	 */
	static @Nullable Object read(@Nullable Field field, Object target) {
		if (field == null) {
			return null;
		}
		try {
			ReflectionUtils.makeAccessible(field);
			return ReflectionUtils.getField(field, target);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
