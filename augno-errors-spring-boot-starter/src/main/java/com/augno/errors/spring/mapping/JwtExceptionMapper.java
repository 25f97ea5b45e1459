package com.augno.errors.spring.mapping;

import java.util.Map;

import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

/**
 * Maps a JSON Web Token the client sent and a JWT library refused to {@code 401}: an
 * expired one to {@code expired_token}, a malformed, unsupported, forged or otherwise
 * invalid one to {@code invalid_credentials}. It covers jjwt ({@code io.jsonwebtoken}),
 * Auth0's java-jwt ({@code com.auth0.jwt}) and Spring Security's {@code BadJwtException}
 * from a {@code JwtDecoder}, recognised by class name so that none is a dependency: what
 * a JWT filter of the application's own throws (or hands to the
 * {@code HandlerExceptionResolver}) is the client's failure, not the server's, which
 * Spring Security's resource server answers with a 401 too. A key or configuration
 * failure of those libraries (a weak key, a JWK set that cannot be fetched) stays a
 * server error.
 *
 * @since 0.1.0
 */
public final class JwtExceptionMapper implements ExceptionMapper {

	/**
	 * The mapper's order: after Spring MVC's and Spring Security's exceptions, which no
	 * JWT library's exception is.
	 */
	public static final int ORDER = SPRING_MVC_ORDER + 3000;

	private static final MappedError EXPIRED = MappedError.of(ErrorCodes.EXPIRED_TOKEN);

	private static final MappedError INVALID = MappedError.of(ErrorCodes.INVALID_CREDENTIALS);

	private static final Map<String, MappedError> EXCEPTIONS = Map.of(
			// jjwt: an expired token, then any other failed claim (not yet valid, a
			// wrong issuer or audience, a missing claim).
			"io.jsonwebtoken.ExpiredJwtException", EXPIRED, "io.jsonwebtoken.ClaimJwtException", INVALID,
			"io.jsonwebtoken.MalformedJwtException", INVALID, "io.jsonwebtoken.UnsupportedJwtException", INVALID,
			// The parent of io.jsonwebtoken.security.SignatureException, which jjwt
			// 0.12 throws.
			"io.jsonwebtoken.SignatureException", INVALID,
			// Auth0's java-jwt: every failure of JWTVerifier.verify and JWT.decode.
			"com.auth0.jwt.exceptions.TokenExpiredException", EXPIRED,
			"com.auth0.jwt.exceptions.JWTVerificationException", INVALID,
			// Spring Security's JwtDecoder: a token it could not decode or that failed
			// validation (JwtValidationException), not its other JwtExceptions.
			"org.springframework.security.oauth2.jwt.BadJwtException", INVALID);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return ClassNames.nearest(throwable.getClass(), EXCEPTIONS);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
