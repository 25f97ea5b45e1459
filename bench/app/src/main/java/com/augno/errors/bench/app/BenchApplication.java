package com.augno.errors.bench.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest Boot app with a success path and one of each failure the HTTP benchmark
 * measures. Started twice by {@code bench/run.sh}: with the starter, and with
 * {@code augno.errors.enabled=false} (Spring Boot's own error handling).
 */
@SpringBootApplication
public class BenchApplication {

	/**
	 * Start the app on 127.0.0.1.
	 * @param args command-line arguments, such as {@code --server.port=8081}
	 */
	public static void main(String[] args) {
		SpringApplication.run(BenchApplication.class, args);
	}

}
