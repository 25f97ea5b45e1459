package com.augno.errors.spring.mapping;

import java.time.Instant;
import java.util.List;

import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTCreationException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorCodes;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.RequiredTypeException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.WeakKeyException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JwtExceptionMapper}: a token the client sent that a JWT library refused is a
 * 401, {@code expired_token} when it expired; the libraries' key and configuration
 * failures, and the application's own misuse of a token's claims, are not its concern.
 */
class JwtExceptionMapperTests {

	private final JwtExceptionMapper mapper = new JwtExceptionMapper();

	@Test
	void anExpiredTokenIsExpiredToken() {
		assertCode(this.mapper.map(new ExpiredJwtException(null, null, "JWT expired 5000 milliseconds ago")),
				ErrorCodes.EXPIRED_TOKEN);
		assertCode(this.mapper.map(new TokenExpiredException("The Token has expired", Instant.EPOCH)),
				ErrorCodes.EXPIRED_TOKEN);
	}

	@Test
	void anInvalidTokenOfJjwtIsInvalidCredentials() {
		for (RuntimeException refused : List.of(new MalformedJwtException("Invalid compact JWT string"),
				new UnsupportedJwtException("Unprotected JWTs are not supported"),
				new SignatureException("JWT signature does not match"),
				new PrematureJwtException(null, null, "JWT must not be accepted before 2030-01-01"),
				new IncorrectClaimException(null, null, "iss", "evil", "Expected iss claim to be: augno"))) {
			assertCode(this.mapper.map(refused), ErrorCodes.INVALID_CREDENTIALS);
		}
	}

	@Test
	void anInvalidTokenOfJavaJwtIsInvalidCredentials() {
		for (RuntimeException refused : List.of(new JWTDecodeException("The token was expected to have 3 parts"),
				new SignatureVerificationException(Algorithm.none()))) {
			assertCode(this.mapper.map(refused), ErrorCodes.INVALID_CREDENTIALS);
		}
	}

	@Test
	void aTokenSpringSecuritysDecoderRefusedIsInvalidCredentials() {
		assertCode(this.mapper.map(new BadJwtException("An error occurred while attempting to decode the Jwt")),
				ErrorCodes.INVALID_CREDENTIALS);
		assertCode(this.mapper.map(new JwtValidationException("Jwt expired at 2026-11-28T20:00:00Z",
				List.of(new OAuth2Error("invalid_token")))), ErrorCodes.INVALID_CREDENTIALS);
	}

	@Test
	void theServersOwnFailuresAreNotItsConcern() {
		// A weak signing key, a token the server could not sign, a claim the application
		// read as the wrong type, a JWK set it could not fetch: the server's failures.
		assertThat(this.mapper.map(new WeakKeyException("The signing key's size is 64 bits"))).isNull();
		assertThat(this.mapper.map(new JWTCreationException("Error signing the token", null))).isNull();
		assertThat(this.mapper.map(new RequiredTypeException("Expected value to be of type Long"))).isNull();
		assertThat(this.mapper.map(new JwtException("Couldn't retrieve remote JWK set"))).isNull();
		assertThat(this.mapper.map(new JwtDecoderInitializationException("Failed to lazily resolve the issuer",
				new IllegalStateException())))
			.isNull();
		assertThat(this.mapper.map(new IllegalArgumentException("JWT String argument cannot be null or empty.")))
			.isNull();
	}

	@Test
	void runsAfterSpringMvcsAndSpringSecuritysMappers() {
		assertThat(this.mapper.getOrder()).isGreaterThan(ExceptionMapper.SPRING_MVC_ORDER + 500)
			.isLessThan(ExceptionMapper.ERROR_RESPONSE_ORDER);
	}

	private static void assertCode(@Nullable MappedError mapped, ErrorCode code) {
		assertThat(mapped).isNotNull();
		assertThat(mapped.code()).isEqualTo(code);
		assertThat(mapped.message()).isNull();
	}

}
