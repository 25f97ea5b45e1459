package com.augno.errors.spring.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Tells callers apart by the first of: the authenticated principal
 * ({@code principal:<digest>}), the API key header ({@code api-key:<digest>}), the client
 * address ({@code address:<ip>}). Principals and keys are stored only as a SHA-256
 * digest, so a bucket key neither grows with the client's input nor reveals a secret. The
 * client address is the one the container reports: behind a proxy, let Spring Boot apply
 * {@code X-Forwarded-For} ({@code server.forward-headers-strategy}).
 *
 * @since 0.1.0
 */
public final class DefaultRateLimitKeyResolver implements RateLimitKeyResolver {

	private static final String BEARER = "bearer ";

	private static final HexFormat HEX = HexFormat.of();

	// Cloned per digest: MessageDigest.getInstance looks the algorithm up among the
	// providers on every call, a clone only copies the initial state.
	private static final MessageDigest SHA_256 = sha256();

	// Callers by address, the common case, formatted once per address: a container keeps
	// the address of a connection as one string, so a lookup costs no hashing.
	private static final int MAX_CACHED_ADDRESSES = 4096;

	private final String apiKeyHeader;

	private final BoundedCache<String, String> addresses = new BoundedCache<>(MAX_CACHED_ADDRESSES,
			(address) -> "address:" + address);

	/**
	 * Create the resolver.
	 * @param apiKeyHeader the request header with the API key, empty for none
	 */
	public DefaultRateLimitKeyResolver(String apiKeyHeader) {
		this.apiKeyHeader = apiKeyHeader;
	}

	@Override
	public String resolve(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		if (principal != null && StringUtils.hasLength(principal.getName())) {
			return "principal:" + digest(principal.getName());
		}
		String apiKey = apiKey(request);
		if (apiKey != null) {
			return "api-key:" + digest(apiKey);
		}
		String address = request.getRemoteAddr();
		return (address != null) ? this.addresses.get(address) : "address:null";
	}

	private @Nullable String apiKey(HttpServletRequest request) {
		if (this.apiKeyHeader.isEmpty()) {
			return null;
		}
		String value = request.getHeader(this.apiKeyHeader);
		if (value == null) {
			return null;
		}
		if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(this.apiKeyHeader)
				&& value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			value = value.substring(BEARER.length());
		}
		value = value.strip();
		return value.isEmpty() ? null : value;
	}

	private static String digest(String value) {
		byte[] hash = newDigest().digest(value.getBytes(StandardCharsets.UTF_8));
		return HEX.formatHex(hash, 0, 16);
	}

	private static MessageDigest newDigest() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return sha256();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
