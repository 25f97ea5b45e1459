package com.augno.errors.spring.security;

import com.augno.errors.ErrorCodes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a bearer token rejected because its JWT has expired to {@code expired_token};
 * every other bearer token failure is left to {@link SecurityExceptionMapper}.
 * <p>
 * Spring Security reports expiry only as the description of an {@code invalid_token}
 * error written by its {@code JwtTimestampValidator}, so that description is what this
 * mapper recognises.
 *
 * @since 0.1.0
 */
public final class BearerTokenExceptionMapper implements ExceptionMapper {

	/**
	 * Order of this mapper: just before {@link SecurityExceptionMapper}.
	 */
	public static final int ORDER = SecurityExceptionMapper.ORDER - 100;

	private static final String EXPIRED_PREFIX = "Jwt expired at";

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (throwable instanceof InvalidBearerTokenException
				&& throwable.getCause() instanceof JwtValidationException validation && isExpiry(validation)) {
			return MappedError.of(ErrorCodes.EXPIRED_TOKEN);
		}
		return null;
	}

	private static boolean isExpiry(JwtValidationException exception) {
		for (OAuth2Error error : exception.getErrors()) {
			String description = error.getDescription();
			if (description != null && description.startsWith(EXPIRED_PREFIX)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
