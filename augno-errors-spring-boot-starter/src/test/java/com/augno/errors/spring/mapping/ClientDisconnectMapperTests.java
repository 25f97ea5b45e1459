package com.augno.errors.spring.mapping;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.time.Duration;

import com.augno.errors.ErrorCodes;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ClientDisconnectMapperTests {

	private final ClientDisconnectMapper mapper = new ClientDisconnectMapper();

	@Test
	void mapsTheDisconnectsOfServletContainersTo499() {
		assertThat(this.mapper.map(containerEof())).extracting(MappedError::code)
			.isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
		assertThat(this.mapper.map(new AsyncRequestNotUsableException("Response not usable")))
			.extracting(MappedError::code)
			.isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
		assertThat(this.mapper.map(new IOException("Broken pipe"))).extracting(MappedError::code)
			.isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
	}

	@Test
	void findsTheDisconnectBehindAWrapper() {
		RuntimeException wrapped = new IllegalStateException("write failed",
				new UncheckedIOException(new SocketException("Connection reset by peer")));
		assertThat(this.mapper.map(wrapped)).extracting(MappedError::code).isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
	}

	@Test
	void aDisconnectPhraseWithoutAnyIoCauseIsNotADisconnect() {
		assertThat(this.mapper.map(new IllegalStateException("Broken pipe in the billing pipeline"))).isNull();
		assertThat(this.mapper.map(new IllegalArgumentException("connection reset by peer"))).isNull();
	}

	@Test
	void anIoFailureThatIsNoDisconnectIsLeftToOtherMappers() {
		assertThat(this.mapper.map(new IOException("Disk full"))).isNull();
		assertThat(this.mapper.map(new ResourceAccessException("I/O error", new SocketException("Broken pipe"))))
			.isNull();
	}

	@Test
	void aDatabaseConnectionThatBrokeIsNotTheClientsDisconnect() {
		SQLException database = new SQLException("I/O error", "08006", new SocketException("Broken pipe"));
		assertThat(this.mapper.map(new IllegalStateException("query failed", database))).isNull();
	}

	@Test
	void aCauseCycleEnds() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalStateException second = new IllegalStateException("second", first);
		first.initCause(second);
		assertThat(this.mapper.map(first)).isNull();
	}

	// gh-10 #2: Spring's DisconnectedClientHelper never returns on this chain.
	@Test
	void aLoopThroughAnIoExceptionEnds() {
		IllegalStateException outer = new IllegalStateException("outer");
		outer.initCause(new IOException("inner", outer));
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.mapper.map(outer))).isNull();
	}

	@Test
	void findsADisconnectInALoop() {
		IllegalStateException outer = new IllegalStateException("write failed");
		outer.initCause(new SocketException("Connection reset by peer") {
			@Override
			public synchronized Throwable getCause() {
				return outer;
			}
		});
		assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.mapper.map(outer)))
			.extracting(MappedError::code)
			.isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
	}

	@Test
	void aBodyThatAParserFoundCutShortIsNotADisconnect() {
		// Gson's JsonReader raises the JDK's EOFException for "{\"name\":".
		EOFException parserEof = eofThrownBy("com.google.gson.stream.JsonReader");
		assertThat(this.mapper.map(new HttpMessageNotReadableException("JSON parse error", parserEof,
				new MockHttpInputMessage(new byte[0]))))
			.isNull();
		assertThat(this.mapper.map(eofThrownBy("com.example.ImportService"))).isNull();
	}

	@Test
	void anEofThrownByTheServersConnectionIsADisconnect() {
		assertThat(this.mapper.map(eofThrownBy("org.eclipse.jetty.io.ChannelEndPoint"))).extracting(MappedError::code)
			.isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
		EOFException withoutTrace = new EOFException();
		withoutTrace.setStackTrace(new StackTraceElement[0]);
		assertThat(this.mapper.map(withoutTrace)).extracting(MappedError::code)
			.isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
	}

	@Test
	void aCallToAnotherServerBeforeTheDisconnectIsNotTheClients() {
		assertThat(this.mapper.map(new ResourceAccessException("I/O error", containerEof()))).isNull();
		assertThat(this.mapper.map(new IllegalStateException(containerEof()))).extracting(MappedError::code)
			.isEqualTo(ErrorCodes.CLIENT_CLOSED_REQUEST);
	}

	@Test
	void theJdksConnectionResetIsNotTakenForTheClientsDisconnectOnItsOwn() {
		// A reset while reading another server's answer is a failure of the service.
		assertThat(this.mapper.map(new SocketException("Connection reset"))).isNull();
	}

	/**
	 * The JDK's {@link EOFException} as Tomcat raises it when the client is gone.
	 */
	private static EOFException containerEof() {
		return eofThrownBy("org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper");
	}

	private static EOFException eofThrownBy(String className) {
		EOFException eof = new EOFException();
		eof.setStackTrace(new StackTraceElement[] { new StackTraceElement(className, "read", null, -1) });
		return eof;
	}

}
