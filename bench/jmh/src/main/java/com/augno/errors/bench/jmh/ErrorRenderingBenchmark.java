package com.augno.errors.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.augno.errors.AugnoError;
import com.augno.errors.spring.mapping.MappedError;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The rendering path of a failed request, without a servlet container or a Spring
 * context: throwable, {@link MappedError} (the mapper chain), {@link AugnoError} (the
 * {@code ErrorFactory}), envelope bytes (the default format, {@code AugnoErrorFormat}, as
 * {@code ErrorFormats} chooses it). {@link #render} is the whole path; {@link #map} and
 * {@link #toBytes} are its two halves, to tell where the time goes, and
 * {@link #disconnectCheck} is Spring's check of whether the client went away, which
 * {@link #map} now skips unless the failure's chain holds an {@code IOException}. Each
 * failure is built once: creating it (and its stack trace) is the throwing code's cost,
 * and logging the stack trace of a 5xx is left to the HTTP benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class ErrorRenderingBenchmark {

	/**
	 * The failure rendered.
	 */
	@Param({ "augno_404", "method_405", "validation_400", "malformed_json_400", "unknown_500" })
	public String failure;

	private Rendering rendering;

	private Throwable throwable;

	private AugnoError error;

	@Setup(Level.Trial)
	public void setUp() {
		this.rendering = new Rendering();
		try (ValidatorFactory validators = Validation.buildDefaultValidatorFactory()) {
			this.throwable = switch (this.failure) {
				case "augno_404" -> Fixtures.augnoNotFound();
				case "method_405" -> Fixtures.methodNotAllowed();
				case "validation_400" -> Fixtures.validationFailure(validators.getValidator());
				case "malformed_json_400" -> Fixtures.malformedJson(this.rendering.applicationMapper);
				case "unknown_500" -> Fixtures.unknown();
				default -> throw new IllegalArgumentException(this.failure);
			};
		}
		this.error = this.rendering.toError(this.rendering.mappers.map(this.throwable));
		String expected = switch (this.failure) {
			case "augno_404" -> "{\"error\":{\"code\":\"resource_not_found\"";
			case "method_405" -> "{\"error\":{\"code\":\"method_not_allowed\"";
			case "validation_400" -> "\"param\":\"name\"";
			case "malformed_json_400" -> "\"message\":\"The request body is not valid JSON.\"";
			default -> "{\"error\":{\"code\":\"internal_error\"";
		};
		String json = new String(render(), StandardCharsets.UTF_8);
		if (!json.contains(expected)) {
			throw new IllegalStateException("Unexpected envelope for " + this.failure + ": " + json);
		}
	}

	/**
	 * The whole path: throwable to envelope bytes.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] render() {
		return this.rendering.render(this.throwable);
	}

	/**
	 * The first half: the mapper chain only.
	 * @return the mapped error
	 */
	@Benchmark
	public MappedError map() {
		return this.rendering.mappers.map(this.throwable);
	}

	/**
	 * Spring's {@code DisconnectedClientHelper} alone, which reads (and lower-cases) the
	 * message of the failure's most specific cause: what {@code ClientDisconnectMapper},
	 * first in the chain, saves by asking it only when the chain holds an
	 * {@code IOException}.
	 * @return whether the failure is a client disconnect
	 */
	@Benchmark
	public boolean disconnectCheck() {
		return DisconnectedClientHelper.isClientDisconnectedException(this.throwable);
	}

	/**
	 * The second half: an error already built, to envelope bytes.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] toBytes() {
		return this.rendering.writer.toBytes(this.error);
	}

}
