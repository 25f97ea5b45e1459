package com.augno.errors.spring.catalogue;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a JSON catalogue into maps, lists and scalars with Jackson, rejecting duplicate
 * keys.
 */
final class JsonCatalogueParser {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private JsonCatalogueParser() {
	}

	static @Nullable Object parse(String location, InputStream in) {
		try {
			return MAPPER.readValue(in, Object.class);
		}
		catch (JacksonException ex) {
			boolean duplicate = ex.getOriginalMessage().startsWith("Duplicate Object property");
			throw new InvalidErrorCatalogueException(location, at(ex.getLocation()), null,
					(duplicate ? "duplicate key: " : "malformed JSON: ") + ex.getOriginalMessage(),
					duplicate ? "Declare each code, and each key of a code, once." : "Fix the JSON syntax there.", ex);
		}
	}

	private static String at(@Nullable TokenStreamLocation location) {
		return (location != null && location.getLineNr() > 0)
				? "line " + location.getLineNr() + ", column " + location.getColumnNr() : "(file)";
	}

}
