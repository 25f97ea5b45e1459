package com.augno.errors.spring.client.loopback;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Starts the services of the loopback tests and reads what they answer and log.
 */
final class LoopbackServices {

	private LoopbackServices() {
	}

	/**
	 * Start a service on a random loopback port.
	 * @param sources the configuration classes
	 * @param properties further properties
	 * @return the running service
	 */
	static ConfigurableApplicationContext start(Class<?>[] sources, String... properties) {
		String[] all = Stream
			.concat(Stream.of("server.port=0", "server.shutdown=immediate", "spring.main.banner-mode=off"),
					Arrays.stream(properties))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(sources).properties(all).run();
	}

	static String url(ConfigurableApplicationContext service) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	static RestTestClient client(ConfigurableApplicationContext service) {
		return RestTestClient.bindToServer().baseUrl(url(service)).build();
	}

	static List<String> logLines(CapturedOutput output, String containing) {
		return Arrays.stream(output.getOut().split("\\R")).filter((line) -> line.contains(containing)).toList();
	}

}
