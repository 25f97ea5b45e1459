package com.augno.errors.spring.servlet;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import com.augno.errors.spring.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.AsyncTaskMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.CallableMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBodyReturnValueHandler;

/**
 * Puts the request id in the MDC, under {@value RequestIds#MDC_KEY}, on the thread that
 * runs a handler's {@code Callable}, {@code WebAsyncTask} or
 * {@code StreamingResponseBody}, and takes it out again when the task is done: the
 * request's log lines carry its id there too, as on the thread that called the handler.
 * <p>
 * As a {@link HandlerInterceptor} it registers itself with the request's
 * {@code WebAsyncManager} only for a handler method whose return type Spring MVC runs on
 * another thread, decided once per method by Spring's own return value handlers, so that
 * the other requests do not pay for a registration (Spring MVC builds a key for each
 * interceptor configured through {@code configureAsyncSupport}, on every request). An
 * application's own {@code HandlerMethodReturnValueHandler} that starts a
 * {@code Callable} for another return type registers it with
 * {@code WebAsyncUtils.getAsyncManager(request).registerCallableInterceptor(...)}.
 *
 * @since 0.1.0
 */
public final class RequestIdCallableInterceptor implements CallableProcessingInterceptor, HandlerInterceptor {

	/**
	 * The key it is registered under with a request's {@code WebAsyncManager}.
	 */
	static final String KEY = RequestIdCallableInterceptor.class.getName();

	private static final List<HandlerMethodReturnValueHandler> CALLABLE_HANDLERS = List.of(
			new CallableMethodReturnValueHandler(), new AsyncTaskMethodReturnValueHandler(null),
			new StreamingResponseBodyReturnValueHandler());

	private final Map<Method, Boolean> runsCallable = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod handlerMethod && runsCallable(handlerMethod)) {
			WebAsyncUtils.getAsyncManager(request).registerCallableInterceptor(KEY, this);
		}
		return true;
	}

	private boolean runsCallable(HandlerMethod handlerMethod) {
		Boolean known = this.runsCallable.get(handlerMethod.getMethod());
		if (known != null) {
			return known;
		}
		MethodParameter returnType = handlerMethod.getReturnType();
		boolean runs = CALLABLE_HANDLERS.stream().anyMatch((candidate) -> candidate.supportsReturnType(returnType));
		this.runsCallable.put(handlerMethod.getMethod(), runs);
		return runs;
	}

	@Override
	public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
		HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
		String id = (servletRequest != null) ? ServletRequestIds.find(servletRequest) : null;
		if (id != null) {
			MDC.put(RequestIds.MDC_KEY, id);
		}
	}

	@Override
	public <T> void postProcess(NativeWebRequest request, Callable<T> task, @Nullable Object concurrentResult) {
		MDC.remove(RequestIds.MDC_KEY);
	}

}
