package com.augno.errors.spring.format;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Augno envelope, the default format: {@code {"error": {...}}} with the contract's
 * eight members in the contract's order, as {@code application/json}. It has a fixed set
 * of members, so it ignores violations beyond the one it reports and the thrower's
 * extension members. It uses its own mapper, so the application's Jackson settings cannot
 * change the wire format.
 *
 * @since 0.1.0
 */
public final class AugnoErrorFormat implements ErrorFormat {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Override
	public String name() {
		return AUGNO;
	}

	@Override
	public ErrorBody render(ResolvedError error) {
		return ErrorBody.json(toBytes(error.error()), error.headers());
	}

	/**
	 * Serialize an error to the bytes of its envelope.
	 * @param error the error
	 * @return the UTF-8 JSON
	 */
	public byte[] toBytes(AugnoError error) {
		return this.mapper.writeValueAsBytes(new ErrorEnvelope(error));
	}

}
