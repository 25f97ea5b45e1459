package com.augno.errors.spring.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import com.augno.errors.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Maps the exception classes named in {@code augno.errors.exceptions.*} to their codes; a
 * subclass maps like its closest configured superclass.
 *
 * @since 0.1.0
 */
public final class ConfiguredExceptionMapper implements ExceptionMapper {

	private final Map<Class<?>, ErrorCode> codes;

	/**
	 * Create a mapper.
	 * @param codes the code per exception class
	 */
	public ConfiguredExceptionMapper(Map<Class<? extends Throwable>, ErrorCode> codes) {
		this.codes = new LinkedHashMap<>(codes);
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (this.codes.isEmpty()) {
			return null;
		}
		for (Class<?> type = throwable.getClass(); type != null; type = type.getSuperclass()) {
			ErrorCode code = this.codes.get(type);
			if (code != null) {
				return MappedError.of(code);
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return CONFIGURED_ORDER;
	}

}
