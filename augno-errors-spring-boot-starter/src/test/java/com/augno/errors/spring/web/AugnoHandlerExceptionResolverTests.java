package com.augno.errors.spring.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.annotation.ResponseStatusExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class AugnoHandlerExceptionResolverTests {

	private final AugnoHandlerExceptionResolver resolver = new AugnoHandlerExceptionResolver(
			mock(ErrorResponseHandler.class));

	@Test
	void goesRightAfterTheExceptionHandlersAndBeforeSpringsStatusResolvers() {
		ExceptionHandlerExceptionResolver exceptionHandlers = new ExceptionHandlerExceptionResolver();
		ResponseStatusExceptionResolver responseStatus = new ResponseStatusExceptionResolver();
		DefaultHandlerExceptionResolver defaults = new DefaultHandlerExceptionResolver();
		List<HandlerExceptionResolver> resolvers = new ArrayList<>(
				List.of(exceptionHandlers, responseStatus, defaults));
		this.resolver.insertInto(resolvers);
		assertThat(resolvers).containsExactly(exceptionHandlers, this.resolver, responseStatus, defaults);
	}

	@Test
	void goesLastInAListWithoutExceptionHandlers() {
		DefaultHandlerExceptionResolver defaults = new DefaultHandlerExceptionResolver();
		List<HandlerExceptionResolver> resolvers = new ArrayList<>(List.of(defaults));
		this.resolver.insertInto(resolvers);
		assertThat(resolvers).containsExactly(defaults, this.resolver);
	}

}
