package com.augno.errors.spring.security;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCodes;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.mapping.Causes;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Maps Spring Security's failures: expired credentials to {@code expired_token}, the
 * API-key exceptions to their codes, a system failure during authentication to
 * {@code internal_error}, any other authentication failure to
 * {@code invalid_credentials}, and a denied access to {@code insufficient_permissions}
 * (or to {@code invalid_credentials} for a caller who has not authenticated, as Spring
 * Security's own exception translation does; a missing or invalid CSRF token is
 * {@code insufficient_permissions} for every caller, as Spring Security answers it). A
 * request that sent no credentials at all is told so rather than that its credentials are
 * incorrect. An {@link AugnoException} among the causes of either family is answered as
 * its thrower described.
 *
 * @since 0.1.0
 */
public final class SecurityExceptionMapper implements ExceptionMapper {

	/**
	 * Order of this mapper: after the Spring MVC mappers, which never see these types.
	 */
	public static final int ORDER = SPRING_MVC_ORDER + 500;

	private static final int MAX_CAUSE_DEPTH = 8;

	private static final String INVALID_CSRF_TOKEN = "The request's CSRF token is missing or invalid.";

	private final ExceptionMapper augnoExceptionMapper;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create a mapper.
	 * @param augnoExceptionMapper maps an {@link AugnoException} found among the causes
	 */
	public SecurityExceptionMapper(ExceptionMapper augnoExceptionMapper) {
		this.augnoExceptionMapper = augnoExceptionMapper;
	}

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		if (!(throwable instanceof AuthenticationException) && !(throwable instanceof AccessDeniedException)) {
			return null;
		}
		AugnoException cause = augnoCause(throwable);
		if (cause != null) {
			MappedError mapped = this.augnoExceptionMapper.map(cause);
			if (mapped != null) {
				return mapped;
			}
		}
		if (throwable instanceof CsrfException
				|| throwable instanceof org.springframework.security.web.server.csrf.CsrfException) {
			// A forged or stale form, whoever sends it: Spring Security answers 403, and
			// new credentials would not help.
			return MappedError.of(ErrorCodes.INSUFFICIENT_PERMISSIONS).withMessage(INVALID_CSRF_TOKEN);
		}
		if (throwable instanceof AccessDeniedException) {
			return isAuthenticated() ? MappedError.of(ErrorCodes.INSUFFICIENT_PERMISSIONS) : noCredentials();
		}
		if (throwable instanceof InsufficientAuthenticationException insufficient
				&& isWithoutCredentials(insufficient.getAuthenticationRequest())) {
			return noCredentials();
		}
		if (throwable instanceof CredentialsExpiredException) {
			return MappedError.of(ErrorCodes.EXPIRED_TOKEN);
		}
		if (throwable instanceof ApiKeyExpiredException) {
			return MappedError.of(ErrorCodes.API_KEY_EXPIRED);
		}
		if (throwable instanceof ApiKeyRevokedException) {
			return MappedError.of(ErrorCodes.API_KEY_REVOKED);
		}
		if (throwable instanceof AuthenticationServiceException) {
			return MappedError.of(ErrorCodes.INTERNAL_ERROR);
		}
		return MappedError.of(ErrorCodes.INVALID_CREDENTIALS);
	}

	private boolean isAuthenticated() {
		return this.trustResolver.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

	// Spring Security's exception translation starts authentication for an anonymous
	// request with this exception, carrying the anonymous token.
	private boolean isWithoutCredentials(@Nullable Authentication request) {
		return this.trustResolver.isAnonymous(request);
	}

	private static MappedError noCredentials() {
		return MappedError.of(ErrorCodes.INVALID_CREDENTIALS).withMessage(StatusCodes.NO_CREDENTIALS_MESSAGE);
	}

	private static @Nullable AugnoException augnoCause(Throwable throwable) {
		return Causes.first(throwable.getCause(), MAX_CAUSE_DEPTH,
				(cause) -> (cause instanceof AugnoException augnoException) ? augnoException : null);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
