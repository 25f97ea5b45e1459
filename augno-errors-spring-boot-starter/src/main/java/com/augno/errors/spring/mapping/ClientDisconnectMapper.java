package com.augno.errors.spring.mapping;

import java.io.IOException;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Recognises a client that went away before the response was written, as Spring does, and
 * maps it to {@code client_closed_request} (499), for which nothing is written.
 * <p>
 * Spring's {@link DisconnectedClientHelper} is only asked when the cause chain holds an
 * {@link IOException}, which every servlet container's disconnect does (Tomcat's
 * {@code ClientAbortException}, an {@code EOFException}, Spring's
 * {@code AsyncRequestNotUsableException}, a broken pipe): the helper lower-cases the most
 * specific cause's message, which for a validation failure is a rendering of its whole
 * binding result, and no other failure should pay for that. A chain that holds a
 * {@link SQLException} is never a disconnect of the client: a database connection that
 * broke ("Broken pipe", "Connection reset by peer") is a failure of the service, which
 * Spring's helper, reading only the most specific cause's message, would take for one.
 *
 * @since 0.1.0
 */
public final class ClientDisconnectMapper implements ExceptionMapper {

	private static final MappedError CLIENT_CLOSED_REQUEST = MappedError.disconnect();

	private static final int MAX_CAUSE_DEPTH = 16;

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return (mayBeDisconnect(throwable) && DisconnectedClientHelper.isClientDisconnectedException(throwable))
				? CLIENT_CLOSED_REQUEST : null;
	}

	private static boolean mayBeDisconnect(Throwable throwable) {
		return Causes.first(throwable, MAX_CAUSE_DEPTH,
				(cause) -> (cause instanceof SQLException) ? cause : null) == null
				&& Causes.first(throwable, MAX_CAUSE_DEPTH,
						(cause) -> (cause instanceof IOException) ? cause : null) != null;
	}

	@Override
	public int getOrder() {
		return CLIENT_DISCONNECT_ORDER;
	}

}
