package com.augno.errors.bench.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest Boot app with a success path and one of each failure the HTTP benchmark
 * measures. The main class of every benchmark app: {@code bench/app} (the starter; with
 * {@code augno.errors.enabled=false}, Spring Boot's own error handling),
 * {@code bench/app-wimdeblauwe} (wimdeblauwe's error-handling-spring-boot-starter) and
 * {@code bench/app-webflux} (the starter or Boot's handling on Spring WebFlux), each of
 * which adds its web stack and its {@link NotFoundExceptions} in a subpackage.
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
