package com.augno.errors.spring.mapping;

import java.time.Duration;
import java.util.Map;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import com.augno.errors.ErrorFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;

/**
 * Maps an {@link AugnoException} to exactly what its thrower described; an unknown code
 * becomes {@code internal_error}, with the closest known codes in the log.
 *
 * @since 0.1.0
 */
public final class AugnoExceptionMapper implements ExceptionMapper {

	private static final Log logger = LogFactory.getLog(AugnoExceptionMapper.class);

	private final ErrorFactory errorFactory;

	/**
	 * Create a mapper.
	 * @param errorFactory resolves codes against the service's registry
	 */
	public AugnoExceptionMapper(ErrorFactory errorFactory) {
		this.errorFactory = errorFactory;
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (!(throwable instanceof AugnoException exception)) {
			return null;
		}
		ErrorCode code;
		try {
			code = this.errorFactory.resolve(exception);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("AugnoException thrown with an unregistered code: " + ex.getMessage());
			return MappedError.of(ErrorCodes.INTERNAL_ERROR);
		}
		MappedError mapped = new MappedError(code, exception.type(), exception.message(), exception.param(),
				exception.quota(), new HttpHeaders());
		String key = exception.messageKey();
		if (key != null && exception.message() != null) {
			mapped = mapped.withMessage(exception.message(),
					new DefaultMessageSourceResolvable(new String[] { key }, exception.messageArguments()));
		}
		Map<String, Object> members = exception.members();
		if (!members.isEmpty()) {
			mapped = mapped.withMembers(members);
		}
		Duration retryAfter = exception.retryAfter();
		return (retryAfter != null) ? mapped.withRetryAfter(retryAfter) : mapped;
	}

	@Override
	public int getOrder() {
		return AUGNO_EXCEPTION_ORDER;
	}

}
