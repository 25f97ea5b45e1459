package com.augno.errors.spring.mapping;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientException;

/**
 * Recognises a client that went away before the response was written, by the rules of
 * Spring's {@code DisconnectedClientHelper}, and maps it to {@code client_closed_request}
 * (499), for which nothing is written.
 * <p>
 * A link of the cause chain named {@code ClientAbortException}, {@code EOFException},
 * {@code EofException}, {@code AbortedException} or
 * {@code AsyncRequestNotUsableException} is a disconnect (the JDK's own
 * {@code EOFException} only when the server's connection code threw it, not a parser
 * reading a body that ends too early), unless an earlier link is the failure of a call to
 * another server (a {@link RestClientException} or a {@code WebClientException}); so is a
 * chain whose most specific cause says "broken pipe" or "connection reset by peer".
 * Spring's helper is not asked: its walk follows {@code getCause()} to the end and never
 * ends on a chain that loops back on itself. This one looks at {@value #MAX_CAUSE_DEPTH}
 * links at most and stops at a loop.
 * <p>
 * Only a chain that holds an {@link IOException}, as every servlet container's disconnect
 * does, or Reactor Netty's {@code AbortedException}, is looked at: the phrases are looked
 * for in the most specific cause's message, which for a validation failure is a rendering
 * of its whole binding result, and no other failure should pay for that. A chain that
 * holds a {@link SQLException} is never a disconnect of the client: a database connection
 * that broke ("Broken pipe", "Connection reset by peer") is a failure of the service.
 *
 * @since 0.1.0
 */
public final class ClientDisconnectMapper implements ExceptionMapper {

	private static final MappedError CLIENT_CLOSED_REQUEST = MappedError.disconnect();

	private static final int MAX_CAUSE_DEPTH = 16;

	private static final Set<String> DISCONNECT_TYPE_NAMES = Set.of("AbortedException", "ClientAbortException",
			"EOFException", "EofException", "AsyncRequestNotUsableException");

	/**
	 * Reactor Netty's disconnect, a {@link RuntimeException} with no {@link IOException}
	 * in its chain.
	 */
	private static final String REACTOR_NETTY_ABORTED = "reactor.netty.channel.AbortedException";

	// Where the servlet containers and Reactor Netty raise the JDK's EOFException.
	private static final List<String> SERVER_PACKAGES = List.of("org.apache.catalina.", "org.apache.coyote.",
			"org.apache.tomcat.", "org.eclipse.jetty.", "io.netty.", "reactor.netty.", "io.undertow.");

	private static final Set<String> DISCONNECT_PHRASES = Set.of("broken pipe", "connection reset by peer");

	private static final @Nullable Class<?> WEB_CLIENT_EXCEPTION = resolve(
			"org.springframework.web.reactive.function.client.WebClientException");

	@Override
	public @Nullable MappedError map(Throwable throwable) {
		return (mayBeDisconnect(throwable) && isDisconnect(throwable)) ? CLIENT_CLOSED_REQUEST : null;
	}

	private static boolean mayBeDisconnect(Throwable throwable) {
		return Causes.first(throwable, MAX_CAUSE_DEPTH,
				(cause) -> (cause instanceof SQLException) ? cause : null) == null
				&& Causes
					.first(throwable, MAX_CAUSE_DEPTH,
							(cause) -> (cause instanceof IOException
									|| REACTOR_NETTY_ABORTED.equals(cause.getClass().getName())) ? cause
											: null) != null;
	}

	private static boolean isDisconnect(Throwable throwable) {
		Boolean byType = Causes.first(throwable, MAX_CAUSE_DEPTH, ClientDisconnectMapper::byType);
		if (byType != null) {
			return byType;
		}
		String message = Causes.deepest(throwable, MAX_CAUSE_DEPTH).getMessage();
		if (message == null) {
			return false;
		}
		String text = message.toLowerCase(Locale.ROOT);
		return DISCONNECT_PHRASES.stream().anyMatch(text::contains);
	}

	/**
	 * A call to another server is never the client's disconnect; a container's disconnect
	 * exception is.
	 */
	private static @Nullable Boolean byType(Throwable link) {
		if (link instanceof RestClientException
				|| (WEB_CLIENT_EXCEPTION != null && WEB_CLIENT_EXCEPTION.isInstance(link))) {
			return Boolean.FALSE;
		}
		if (!DISCONNECT_TYPE_NAMES.contains(link.getClass().getSimpleName())) {
			return null;
		}
		return (link.getClass() != EOFException.class || thrownByTheServer(link)) ? Boolean.TRUE : null;
	}

	/**
	 * Whether the JDK's own {@link EOFException} was thrown by the server's connection
	 * code. A parser also raises it for a body that ends too early (Gson's
	 * {@code JsonReader}), and so may the application's own code: neither is the client
	 * going away. Without a stack trace there is no telling, and Spring's rule holds.
	 */
	private static boolean thrownByTheServer(Throwable eof) {
		StackTraceElement[] trace = eof.getStackTrace();
		if (trace.length == 0) {
			return true;
		}
		String thrower = trace[0].getClassName();
		return SERVER_PACKAGES.stream().anyMatch(thrower::startsWith);
	}

	private static @Nullable Class<?> resolve(String className) {
		ClassLoader classLoader = ClientDisconnectMapper.class.getClassLoader();
		return ClassUtils.isPresent(className, classLoader) ? ClassUtils.resolveClassName(className, classLoader)
				: null;
	}

	@Override
	public int getOrder() {
		return CLIENT_DISCONNECT_ORDER;
	}

}
