package com.augno.errors.spring.servlet;

import java.util.concurrent.Callable;

import com.augno.errors.spring.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

/**
 * Puts the request id in the MDC, under {@value RequestIds#MDC_KEY}, on the thread that
 * runs a handler's {@code Callable} (or {@code WebAsyncTask}), and takes it out again
 * when the task is done: the request's log lines carry its id there too, as on the thread
 * that called the handler.
 *
 * @since 0.1.0
 */
public final class RequestIdCallableInterceptor implements CallableProcessingInterceptor {

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
