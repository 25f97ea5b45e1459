package com.augno.errors.spring.reactive;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.augno.errors.spring.autoconfigure.AugnoErrorsFormatAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsReactiveAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On WebFlux too, the starter drops static resource locations that do not exist once, at
 * startup, instead of Spring searching them on every request.
 */
class ReactiveResourceLocationOptimizerTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AugnoErrorsFormatAutoConfiguration.class,
				AugnoErrorsReactiveAutoConfiguration.class, JacksonAutoConfiguration.class,
				WebFluxAutoConfiguration.class))
		.withPropertyValues("spring.web.resources.static-locations=classpath:/augno-static/,classpath:/no-such-dir/");

	@Test
	void keepsOnlyTheClassPathLocationsThatExist() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveResourceLocationOptimizer.class);
			List<Resource> locations = staticResourceHandler(context).getLocations();
			assertThat(locations).extracting(ReactiveResourceLocationOptimizerTests::classPath)
				.containsExactly("augno-static/");
		});
	}

	@Test
	void dropsEveryLocationWhenNoneExists() {
		this.contextRunner
			.withPropertyValues("spring.web.resources.static-locations=classpath:/no-such-dir/,classpath:/nor-this/")
			.run((context) -> {
				ResourceWebHandler handler = staticResourceHandler(context);
				assertThat(handler.isOptimizeLocations()).isTrue();
				assertThat(handler.getLocations()).isEmpty();
			});
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner.withPropertyValues("augno.errors.optimize-resource-locations=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ReactiveResourceLocationOptimizer.class);
			ResourceWebHandler handler = staticResourceHandler(context);
			assertThat(handler.isOptimizeLocations()).isFalse();
			assertThat(handler.getLocations()).extracting(ReactiveResourceLocationOptimizerTests::classPath)
				.containsExactly("augno-static/", "no-such-dir/");
		});
	}

	@Test
	void isSwitchedOffWithTheStarter() {
		this.contextRunner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveResourceLocationOptimizer.class));
	}

	@Test
	void backsOffForTheApplicationsOwnOptimizer() {
		this.contextRunner.withBean("ownOptimizer", ReactiveResourceLocationOptimizer.class)
			.run((context) -> assertThat(context).getBean(ReactiveResourceLocationOptimizer.class)
				.isSameAs(context.getBean("ownOptimizer")));
	}

	@Test
	void leavesAHandlerThatServesFromTheFileSystemAlone() {
		this.contextRunner
			.withPropertyValues("spring.web.resources.static-locations=classpath:/no-such-dir/,file:./no-such-dir-yet/")
			.run((context) -> {
				ResourceWebHandler handler = staticResourceHandler(context);
				assertThat(handler.isOptimizeLocations()).isFalse();
				assertThat(handler.getLocations()).extracting(ReactiveResourceLocationOptimizerTests::classPath)
					.contains("no-such-dir/");
				assertThat(handler.getLocations()).anySatisfy((location) -> assertThat(location)
					.isInstanceOfAny(FileSystemResource.class, UrlResource.class));
			});
	}

	@Test
	void aLocationThatExistsStillServesItsFiles() {
		this.contextRunner.run((context) -> {
			ResourceWebHandler handler = staticResourceHandler(context);
			assertThat(handler.isOptimizeLocations()).isTrue();
			Resource location = handler.getLocations().get(0);
			assertThat(location.createRelative("hello.txt").getContentAsString(StandardCharsets.UTF_8))
				.startsWith("hello from a static file");
		});
	}

	private static ResourceWebHandler staticResourceHandler(AssertableReactiveWebApplicationContext context) {
		SimpleUrlHandlerMapping mapping = context.getBean("resourceHandlerMapping", SimpleUrlHandlerMapping.class);
		return mapping.getHandlerMap()
			.entrySet()
			.stream()
			.filter((entry) -> "/**".equals(entry.getKey().getPatternString()))
			.map((entry) -> (ResourceWebHandler) entry.getValue())
			.findFirst()
			.orElseThrow();
	}

	private static String classPath(Resource location) {
		return (location instanceof ClassPathResource classPath) ? classPath.getPath() : location.toString();
	}

}
