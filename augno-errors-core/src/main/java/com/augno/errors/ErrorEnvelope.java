package com.augno.errors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The whole body of an Augno error response: one JSON object whose only member is
 * {@code error}. Members a newer service may add beside it are ignored when reading.
 *
 * @param error the error
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorEnvelope(@JsonProperty("error") AugnoError error) {

}
