package com.augno.errors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The value inside the {@code "error"} member of an Augno error response.
 * <p>
 * The Jackson annotations pin the wire format: the eight keys in the contract's order,
 * with their contract names, and nulls always written, whatever naming strategy or
 * inclusion the application's own mapper uses. Wrap it in an {@link ErrorEnvelope} to
 * write a response.
 * <p>
 * A client reading envelopes from a newer service keeps working: the {@code type} is kept
 * as written ({@link #typeName()}), so a type this version does not know parses, leaves
 * {@link #type()} {@code null} and is written back unchanged; members this version does
 * not know are ignored.
 *
 * @param code the machine-readable code clients branch on
 * @param typeName the broad category as written on the wire, such as
 * {@code invalid_request_error}
 * @param message the human-readable message, safe to show to end users
 * @param param the request field or parameter at fault, or {@code null}
 * @param docUrl the link to the code's documentation
 * @param isTransient whether retrying the same operation may succeed after a delay
 * @param quota the quota of a {@code limit_exceeded} error, or {@code null}
 * @param requestLogUrl the link to this request's log entry, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "code", "type", "message", "param", "doc_url", "is_transient", "quota", "request_log_url" })
public record AugnoError(@JsonProperty("code") String code, @JsonProperty("type") String typeName,
		@JsonProperty("message") String message, @JsonProperty("param") @Nullable String param,
		@JsonProperty("doc_url") String docUrl, @JsonProperty("is_transient") boolean isTransient,
		@JsonProperty("quota") @Nullable Quota quota, @JsonProperty("request_log_url") @Nullable String requestLogUrl) {

	/**
	 * Create an error of a known type.
	 * @param code the machine-readable code clients branch on
	 * @param type the broad category
	 * @param message the human-readable message, safe to show to end users
	 * @param param the request field or parameter at fault, or {@code null}
	 * @param docUrl the link to the code's documentation
	 * @param isTransient whether retrying the same operation may succeed after a delay
	 * @param quota the quota of a {@code limit_exceeded} error, or {@code null}
	 * @param requestLogUrl the link to this request's log entry, or {@code null}
	 */
	public AugnoError(String code, ErrorType type, String message, @Nullable String param, String docUrl,
			boolean isTransient, @Nullable Quota quota, @Nullable String requestLogUrl) {
		this(code, type.wireName(), message, param, docUrl, isTransient, quota, requestLogUrl);
	}

	/**
	 * Return the broad category, if this version knows it.
	 * @return the type, or {@code null} when the envelope came from a newer service with
	 * a type added after this version ({@link #typeName()} holds it)
	 */
	public @Nullable ErrorType type() {
		return ErrorType.find(this.typeName);
	}

}
