package com.augno.errors.spring.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.Quota;
import com.augno.errors.StatusCodes;
import com.augno.errors.spring.web.RequestIds;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * Reads a downstream error response into a {@link DownstreamError} without trusting it:
 * at most {@code maxBodyBytes} of the body are read, parsed with tight limits on nesting,
 * tokens and string lengths, and anything that is not an Augno envelope (a proxy's HTML
 * page, an empty body, truncated or invalid JSON, invalid UTF-8, an oversized body, a
 * deeply nested document) gives the code that stands for the status. The body itself
 * never leaves this class except as a short, sanitised excerpt logged at DEBUG under
 * {@code com.augno.errors.client}.
 *
 * @since 0.1.0
 */
public final class DownstreamErrorReader {

	/**
	 * Default for the most bytes of a body that are read: 64 KB, far more than any
	 * envelope needs.
	 */
	public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

	/**
	 * Default for the deepest nesting accepted: an envelope is three levels deep.
	 */
	public static final int DEFAULT_MAX_NESTING_DEPTH = 16;

	/**
	 * Default for the header that carries a request id.
	 */
	public static final String DEFAULT_REQUEST_ID_HEADER = "Request-Id";

	private static final Log logger = LogFactory.getLog("com.augno.errors.client");

	private static final int MAX_MESSAGE_LENGTH = 1000;

	private static final int MAX_PARAM_LENGTH = 200;

	private static final int MAX_TOKENS = 4096;

	private static final int EXCERPT_LENGTH = 200;

	private static final long MAX_RETRY_AFTER_SECONDS = Duration.ofDays(1).toSeconds();

	private final int maxBodyBytes;

	private final String requestIdHeader;

	private final JsonMapper mapper;

	private final Clock clock;

	/**
	 * Create a reader with the defaults.
	 */
	public DownstreamErrorReader() {
		this(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_REQUEST_ID_HEADER);
	}

	/**
	 * Create a reader.
	 * @param maxBodyBytes the most bytes of a body that are read, at least 1
	 * @param maxNestingDepth the deepest nesting of arrays and objects accepted, at least
	 * 3
	 * @param requestIdHeader the response header that carries the downstream's request id
	 */
	public DownstreamErrorReader(int maxBodyBytes, int maxNestingDepth, String requestIdHeader) {
		this(maxBodyBytes, maxNestingDepth, requestIdHeader, Clock.systemUTC());
	}

	DownstreamErrorReader(int maxBodyBytes, int maxNestingDepth, String requestIdHeader, Clock clock) {
		Assert.isTrue(maxBodyBytes > 0, "maxBodyBytes must be positive");
		Assert.isTrue(maxNestingDepth >= 3, "maxNestingDepth must be at least 3, the depth of an envelope");
		Assert.hasText(requestIdHeader, "requestIdHeader must not be empty");
		this.maxBodyBytes = maxBodyBytes;
		this.requestIdHeader = requestIdHeader;
		this.clock = clock;
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(maxNestingDepth)
			.maxDocumentLength(maxBodyBytes)
			.maxStringLength(maxBodyBytes)
			.maxNameLength(256)
			.maxNumberLength(32)
			.maxTokenCount(MAX_TOKENS)
			.build();
		this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build()).build();
	}

	/**
	 * Return the most bytes of a body that are read; a longer body is not an envelope.
	 * @return the bound
	 */
	public int getMaxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * Return the header that carries a request id.
	 * @return the header name
	 */
	public String getRequestIdHeader() {
		return this.requestIdHeader;
	}

	/**
	 * Read an error response, consuming at most {@code maxBodyBytes} of its body.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the response body, or {@code null} for none
	 * @return what the downstream said
	 */
	public DownstreamError read(int status, HttpHeaders headers, @Nullable InputStream body) {
		byte[] bytes;
		try {
			bytes = (body != null) ? body.readNBytes(this.maxBodyBytes + 1) : new byte[0];
		}
		catch (IOException ex) {
			// A body cut off mid-way is a body that is not an envelope.
			bytes = new byte[0];
		}
		return read(status, headers, bytes);
	}

	/**
	 * Read an error response whose body is already in memory; a body longer than
	 * {@code maxBodyBytes} is not an envelope.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the body
	 * @return what the downstream said
	 */
	public DownstreamError read(int status, HttpHeaders headers, byte[] body) {
		Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
		String headerId = headers.getFirst(this.requestIdHeader);
		String requestId = RequestIds.isValid(headerId) ? headerId : null;
		JsonNode error = (body.length <= this.maxBodyBytes) ? envelopeError(body) : null;
		DownstreamError read = (error != null) ? fromEnvelope(status, error, requestId, retryAfter) : null;
		if (read != null) {
			return read;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Downstream answered " + status + " with a body that is not an Augno envelope ("
					+ ((body.length > this.maxBodyBytes) ? "more than " + this.maxBodyBytes : body.length)
					+ " bytes read), starting: " + excerpt(body));
		}
		ErrorCode derived = StatusCodes.forStatus(status);
		return new DownstreamError(status, derived.code(), derived.type(), null, null, derived.isTransient(), null,
				requestId, retryAfter, false);
	}

	private @Nullable JsonNode envelopeError(byte[] body) {
		int start = 0;
		while (start < body.length && Character.isWhitespace(body[start])) {
			start++;
		}
		if (start == body.length || body[start] != '{') {
			return null;
		}
		try {
			JsonNode root = this.mapper.readTree(body);
			JsonNode error = (root != null && root.isObject()) ? root.get("error") : null;
			return (error != null && error.isObject()) ? error : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	private @Nullable DownstreamError fromEnvelope(int status, JsonNode error, @Nullable String headerId,
			@Nullable Duration retryAfter) {
		String code = string(error, "code", 101);
		if (code == null || !ErrorCode.CODE_SYNTAX.matcher(code).matches()) {
			return null;
		}
		String typeName = string(error, "type", 64);
		ErrorType type = ErrorType.find(typeName);
		JsonNode transientNode = error.get("is_transient");
		boolean isTransient = (transientNode != null && transientNode.isBoolean()) ? transientNode.booleanValue()
				: transientByDefault(status, code, type);
		String requestId = (headerId != null) ? headerId : requestIdOf(string(error, "request_log_url", 2048));
		return new DownstreamError(status, code, type, oneLine(string(error, "message", MAX_MESSAGE_LENGTH)),
				oneLine(string(error, "param", MAX_PARAM_LENGTH)), isTransient, quota(error.get("quota")), requestId,
				retryAfter, true);
	}

	private static boolean transientByDefault(int status, String code, @Nullable ErrorType type) {
		ErrorCode known = ErrorRegistry.standard().find(code);
		if (known != null) {
			return known.isTransient((type != null) ? type : known.type());
		}
		return status >= 500 || status == 429;
	}

	private static @Nullable String string(JsonNode parent, String name, int maxLength) {
		JsonNode node = parent.get(name);
		if (node == null || !node.isString()) {
			return null;
		}
		String value = node.stringValue();
		return (value.length() > maxLength) ? value.substring(0, maxLength) : value;
	}

	private static @Nullable Quota quota(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode limit = node.get("limit");
		JsonNode used = node.get("used");
		if (limit == null || used == null || !limit.isIntegralNumber() || !used.isIntegralNumber()
				|| !limit.canConvertToLong() || !used.canConvertToLong() || limit.longValue() < 0
				|| used.longValue() < 0) {
			return null;
		}
		Instant resetAt = null;
		String reset = string(node, "reset_at", 64);
		if (reset != null) {
			try {
				resetAt = Instant.parse(reset);
			}
			catch (DateTimeParseException ex) {
				resetAt = null;
			}
		}
		return new Quota(limit.longValue(), used.longValue(), resetAt);
	}

	/**
	 * The request id is the last path segment of the request log URL, as in
	 * {@code https://augno.com/dashboard/request-logs/rq_fbv1ygmybo3eauykr74}.
	 */
	private static @Nullable String requestIdOf(@Nullable String requestLogUrl) {
		if (requestLogUrl == null) {
			return null;
		}
		String path = requestLogUrl;
		int end = indexOfAny(path, '?', '#');
		if (end >= 0) {
			path = path.substring(0, end);
		}
		String id = path.substring(path.lastIndexOf('/') + 1);
		return RequestIds.isValid(id) ? id : null;
	}

	private static int indexOfAny(String text, char first, char second) {
		int a = text.indexOf(first);
		int b = text.indexOf(second);
		if (a < 0) {
			return b;
		}
		return (b < 0) ? a : Math.min(a, b);
	}

	private @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() <= 10 && trimmed.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Duration.ofSeconds(Math.min(Long.parseLong(trimmed), MAX_RETRY_AFTER_SECONDS));
		}
		if (trimmed.length() > 64) {
			return null;
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(this.clock.instant(), at);
			if (wait.isNegative()) {
				return Duration.ZERO;
			}
			return (wait.toSeconds() > MAX_RETRY_AFTER_SECONDS) ? Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS) : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Keep downstream text on one line, so that it cannot forge log entries.
	 */
	private static @Nullable String oneLine(@Nullable String text) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			clean.append(Character.isISOControl(c) ? ' ' : c);
		}
		return clean.toString();
	}

	private static String excerpt(byte[] body) {
		int length = Math.min(body.length, EXCERPT_LENGTH);
		String text = new String(body, 0, length, StandardCharsets.UTF_8);
		StringBuilder clean = new StringBuilder(text.length() + 5);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			clean.append((Character.isISOControl(c) || c == '\uFFFD') ? '?' : c);
		}
		if (body.length > EXCERPT_LENGTH) {
			clean.append("...");
		}
		return '"' + clean.toString() + '"';
	}

}
