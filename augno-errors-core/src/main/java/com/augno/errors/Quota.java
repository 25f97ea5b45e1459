package com.augno.errors;

import java.io.Serializable;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The {@code quota} object of a {@code limit_exceeded} error: how much of a plan limit is
 * used and when it resets.
 *
 * @param limit the plan's limit, not negative
 * @param used how much of it is used, not negative
 * @param resetAt when the quota resets, or {@code null} when it does not reset by itself;
 * written as an ISO-8601 UTC instant
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "limit", "used", "reset_at" })
public record Quota(@JsonProperty("limit") long limit, @JsonProperty("used") long used,
		@JsonProperty("reset_at") @JsonFormat(shape = JsonFormat.Shape.STRING,
				timezone = "UTC") @Nullable Instant resetAt)
		implements
			Serializable {

	/**
	 * Validate the components.
	 * @throws IllegalArgumentException if the limit or the used amount is negative
	 */
	public Quota {
		if (limit < 0 || used < 0) {
			throw new IllegalArgumentException(
					"Quota limit and used must not be negative, got limit=" + limit + ", used=" + used);
		}
	}

}
