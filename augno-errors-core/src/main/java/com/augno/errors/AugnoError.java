package com.augno.errors;

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
 *
 * @param code the machine-readable code clients branch on
 * @param type the broad category
 * @param message the human-readable message, safe to show to end users
 * @param param the request field or parameter at fault, or {@code null}
 * @param docUrl the link to the code's documentation
 * @param isTransient whether retrying the same operation may succeed after a delay
 * @param quota the quota of a {@code limit_exceeded} error, or {@code null}
 * @param requestLogUrl the link to this request's log entry, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "code", "type", "message", "param", "doc_url", "is_transient", "quota", "request_log_url" })
public record AugnoError(@JsonProperty("code") String code, @JsonProperty("type") ErrorType type,
		@JsonProperty("message") String message, @JsonProperty("param") @Nullable String param,
		@JsonProperty("doc_url") String docUrl, @JsonProperty("is_transient") boolean isTransient,
		@JsonProperty("quota") @Nullable Quota quota, @JsonProperty("request_log_url") @Nullable String requestLogUrl) {

}
