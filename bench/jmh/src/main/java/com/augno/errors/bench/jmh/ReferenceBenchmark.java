package com.augno.errors.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * For scale beside {@link ErrorRenderingBenchmark}: what a controller that throws an
 * {@code AugnoException} costs in all (creating it, without a stack trace for a 4xx, and
 * rendering it), and serializing a success body of about 300 bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class ReferenceBenchmark {

	private Rendering rendering;

	private JsonMapper successMapper;

	private Fixtures.Item item;

	@Setup(Level.Trial)
	public void setUp() {
		this.rendering = new Rendering();
		this.successMapper = JsonMapper.builder().build();
		this.item = Fixtures.Item.sample("it_42");
	}

	/**
	 * Create an {@code AugnoException} 4xx and render it.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] augnoExceptionCreatedAndRendered() {
		return this.rendering.render(Fixtures.augnoNotFound());
	}

	/**
	 * Serialize a success body of about 300 bytes with a default {@link JsonMapper}.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] successBody() {
		return this.successMapper.writeValueAsBytes(this.item);
	}

}
