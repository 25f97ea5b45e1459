package com.augno.errors.spring.servlet;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter drops static resource locations that do not exist once, at startup, instead
 * of Spring searching them on every request.
 */
class ResourceLocationOptimizerTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, JacksonAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withPropertyValues("spring.web.resources.static-locations=classpath:/augno-static/,classpath:/no-such-dir/");

	@Test
	void keepsOnlyTheClassPathLocationsThatExist() {
		this.contextRunner.run((context) -> {
			List<Resource> locations = staticResourceHandler(context).getLocations();
			assertThat(locations).extracting(ResourceLocationOptimizerTests::classPath)
				.contains("augno-static/")
				.doesNotContain("no-such-dir/");
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner.withPropertyValues("augno.errors.optimize-resource-locations=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ResourceLocationOptimizer.class);
			assertThat(staticResourceHandler(context).getLocations())
				.extracting(ResourceLocationOptimizerTests::classPath)
				.contains("augno-static/", "no-such-dir/");
		});
	}

	@Test
	void leavesAHandlerThatServesFromTheFileSystemAlone() {
		this.contextRunner
			.withPropertyValues("spring.web.resources.static-locations=classpath:/no-such-dir/,file:./no-such-dir-yet/")
			.run((context) -> {
				ResourceHttpRequestHandler handler = staticResourceHandler(context);
				assertThat(handler.isOptimizeLocations()).isFalse();
				assertThat(handler.getLocations()).extracting(ResourceLocationOptimizerTests::classPath)
					.contains("no-such-dir/");
				assertThat(handler.getLocations()).anySatisfy((location) -> assertThat(location)
					.isInstanceOfAny(FileSystemResource.class, UrlResource.class));
			});
	}

	@Test
	void aLocationThatExistsStillServesItsFiles() {
		this.contextRunner.run((context) -> {
			ResourceHttpRequestHandler handler = staticResourceHandler(context);
			assertThat(handler.isOptimizeLocations()).isTrue();
			Resource location = handler.getLocations()
				.stream()
				.filter((candidate) -> "augno-static/".equals(classPath(candidate)))
				.findFirst()
				.orElseThrow();
			assertThat(location.createRelative("hello.txt").getContentAsString(StandardCharsets.UTF_8))
				.startsWith("hello from a static file");
		});
	}

	private static ResourceHttpRequestHandler staticResourceHandler(AssertableWebApplicationContext context) {
		SimpleUrlHandlerMapping mapping = context.getBean("resourceHandlerMapping", SimpleUrlHandlerMapping.class);
		return (ResourceHttpRequestHandler) mapping.getHandlerMap().get("/**");
	}

	private static String classPath(Resource location) {
		return (location instanceof ClassPathResource classPath) ? classPath.getPath() : location.toString();
	}

}
