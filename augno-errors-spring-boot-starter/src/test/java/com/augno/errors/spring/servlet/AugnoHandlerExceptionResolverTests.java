package com.augno.errors.spring.servlet;

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

	private final ErrorResponseHandler handler = mock(ErrorResponseHandler.class);

	@Test
	void goesAroundTheExceptionHandlersAndBeforeSpringsStatusResolvers() {
		ExceptionHandlerExceptionResolver exceptionHandlers = new ExceptionHandlerExceptionResolver();
		ResponseStatusExceptionResolver responseStatus = new ResponseStatusExceptionResolver();
		DefaultHandlerExceptionResolver defaults = new DefaultHandlerExceptionResolver();
		List<HandlerExceptionResolver> resolvers = new ArrayList<>(
				List.of(exceptionHandlers, responseStatus, defaults));
		AugnoHandlerExceptionResolver.insertInto(resolvers, this.handler, List::of);
		assertThat(resolvers).hasSize(5);
		assertThat(resolvers.get(0)).isInstanceOf(AugnoHandlerExceptionResolver.class);
		assertThat(resolvers.subList(1, 2)).containsExactly(exceptionHandlers);
		assertThat(resolvers.get(2)).isInstanceOf(AugnoHandlerExceptionResolver.class);
		assertThat(resolvers.subList(3, 5)).containsExactly(responseStatus, defaults);
	}

	@Test
	void goesLastInAListWithoutExceptionHandlers() {
		DefaultHandlerExceptionResolver defaults = new DefaultHandlerExceptionResolver();
		List<HandlerExceptionResolver> resolvers = new ArrayList<>(List.of(defaults));
		AugnoHandlerExceptionResolver.insertInto(resolvers, this.handler, List::of);
		assertThat(resolvers).hasSize(2).first().isSameAs(defaults);
		assertThat(resolvers.get(1)).isInstanceOf(AugnoHandlerExceptionResolver.class);
	}

}
