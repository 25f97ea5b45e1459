package com.augno.errors.spring.mapping;

import com.augno.errors.ErrorCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Recognises a client that went away before the response was written, as Spring does, and
 * maps it to {@code client_closed_request} (499), for which nothing is written.
 *
 * @since 0.1.0
 */
public final class ClientDisconnectMapper implements ExceptionMapper {

	private static final MappedError CLIENT_CLOSED_REQUEST = MappedError.of(ErrorCodes.CLIENT_CLOSED_REQUEST);

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return DisconnectedClientHelper.isClientDisconnectedException(throwable) ? CLIENT_CLOSED_REQUEST : null;
	}

	@Override
	public int getOrder() {
		return CLIENT_DISCONNECT_ORDER;
	}

}
