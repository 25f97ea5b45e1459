package com.augno.errors.spring.servlet;

import java.io.OutputStream;
import java.util.concurrent.Callable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncManager;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * {@link RequestIdCallableInterceptor} registers itself with a request's
 * {@code WebAsyncManager} for exactly the handler methods whose return value Spring MVC
 * runs on another thread.
 */
class RequestIdCallableInterceptorTests {

	private final RequestIdCallableInterceptor interceptor = new RequestIdCallableInterceptor();

	@ParameterizedTest
	@ValueSource(strings = { "callable", "webAsyncTask", "streaming", "streamingEntity" })
	void registersItselfForAHandlerThatRunsOnAnotherThread(String method) throws Exception {
		WebAsyncManager manager = preHandle(method);
		verify(manager).registerCallableInterceptor(RequestIdCallableInterceptor.KEY, this.interceptor);
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "entity", "wildcardEntity", "deferred", "nothing" })
	void leavesTheOtherRequestsAlone(String method) throws Exception {
		WebAsyncManager manager = preHandle(method);
		verify(manager, never()).registerCallableInterceptor(any(), any());
	}

	@Test
	void registersOnEveryRequestOfSuchAHandler() throws Exception {
		for (int i = 0; i < 3; i++) {
			WebAsyncManager manager = preHandle("callable");
			verify(manager, times(1)).registerCallableInterceptor(eq(RequestIdCallableInterceptor.KEY), any());
		}
	}

	@Test
	void leavesAHandlerThatIsNoHandlerMethodAlone() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		WebAsyncManager manager = mock(WebAsyncManager.class);
		request.setAttribute(WebAsyncUtils.WEB_ASYNC_MANAGER_ATTRIBUTE, manager);
		assertThat(this.interceptor.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
		verify(manager, never()).registerCallableInterceptor(any(), any());
	}

	private WebAsyncManager preHandle(String methodName) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest();
		WebAsyncManager manager = mock(WebAsyncManager.class);
		request.setAttribute(WebAsyncUtils.WEB_ASYNC_MANAGER_ATTRIBUTE, manager);
		Handlers handlers = new Handlers();
		HandlerMethod handler = new HandlerMethod(handlers, ReflectionUtils.findMethod(Handlers.class, methodName));
		assertThat(this.interceptor.preHandle(request, new MockHttpServletResponse(), handler)).isTrue();
		return manager;
	}

	static class Handlers {

		Callable<String> callable() {
			return () -> "done";
		}

		WebAsyncTask<String> webAsyncTask() {
			return new WebAsyncTask<>(() -> "done");
		}

		StreamingResponseBody streaming() {
			return OutputStream::flush;
		}

		ResponseEntity<StreamingResponseBody> streamingEntity() {
			return ResponseEntity.ok(OutputStream::flush);
		}

		String plain() {
			return "done";
		}

		ResponseEntity<String> entity() {
			return ResponseEntity.ok("done");
		}

		ResponseEntity<?> wildcardEntity() {
			return ResponseEntity.ok("done");
		}

		DeferredResult<String> deferred() {
			return new DeferredResult<>();
		}

		void nothing() {
		}

	}

}
