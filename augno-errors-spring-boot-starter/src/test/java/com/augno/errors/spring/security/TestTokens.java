package com.augno.errors.spring.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * The signed JWTs the resource server test applications accept, or reject for their key.
 */
final class TestTokens {

	/**
	 * The key the test applications' decoders check signatures with.
	 */
	static final SecretKey KEY = new SecretKeySpec(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");

	/**
	 * A key no test application accepts.
	 */
	static final SecretKey OTHER_KEY = new SecretKeySpec(
			"fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");

	private TestTokens() {
	}

	/**
	 * Return a token of bob's, valid for an hour, with the {@code read} scope only.
	 * @return the serialized token
	 * @throws JOSEException never, in practice
	 */
	static String readScoped() throws JOSEException {
		Instant now = Instant.now();
		return token(KEY, "bob", now, now.plus(Duration.ofHours(1)), "read");
	}

	/**
	 * Return a token.
	 * @param key the key that signs it
	 * @param subject its subject
	 * @param issuedAt when it was issued
	 * @param expiresAt when it expires
	 * @param scope its scope claim, or {@code null} for none
	 * @return the serialized token
	 * @throws JOSEException never, in practice
	 */
	static String token(SecretKey key, String subject, Instant issuedAt, Instant expiresAt, @Nullable String scope)
			throws JOSEException {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt));
		if (scope != null) {
			claims.claim("scope", scope);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
		jwt.sign(new MACSigner(key));
		return jwt.serialize();
	}

}
