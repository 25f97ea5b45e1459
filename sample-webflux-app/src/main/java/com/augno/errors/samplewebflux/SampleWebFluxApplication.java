package com.augno.errors.samplewebflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Augno-style WebFlux API on Reactor Netty that consumes the augno-errors starter
 * as any reactive service would, with no servlet API on its class path.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class SampleWebFluxApplication {

	/**
	 * Start the sample on port 8080.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleWebFluxApplication.class, args);
	}

}
