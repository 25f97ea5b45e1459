package com.augno.errors.test;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a body strictly, as a client of the contract must be able to: one JSON value, no
 * duplicate member, key order kept.
 */
final class EnvelopeReader {

	/**
	 * The eight members of {@code error}, in the contract's order.
	 */
	static final List<String> KEYS = List.of("code", "type", "message", "param", "doc_url", "is_transient", "quota",
			"request_log_url");

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private EnvelopeReader() {
	}

	/**
	 * Parse a body.
	 * @param body the body
	 * @return the JSON value
	 * @throws JacksonException if the body is not one JSON value
	 */
	static JsonNode read(String body) {
		return MAPPER.readTree(body);
	}

	/**
	 * Write a value that AssertJ's JSON support converted a body to back as JSON.
	 * @param value the value, maps in their key order
	 * @return the JSON text
	 */
	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
