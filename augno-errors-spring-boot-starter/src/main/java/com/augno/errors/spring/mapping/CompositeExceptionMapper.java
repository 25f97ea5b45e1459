package com.augno.errors.spring.mapping;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.augno.errors.ErrorCodes;
import jakarta.servlet.ServletException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.util.ClassUtils;

/**
 * The ordered chain of {@link ExceptionMapper}s: asks each in turn, then asks again for
 * the cause of a pure wrapper ({@link ServletException} when the servlet API is present,
 * {@link InvocationTargetException}, {@link UndeclaredThrowableException},
 * {@link CompletionException}, {@link ExecutionException}), and ends with
 * {@code internal_error}.
 *
 * @since 0.1.0
 */
public final class CompositeExceptionMapper {

	private static final Log logger = LogFactory.getLog(CompositeExceptionMapper.class);

	private static final int MAX_UNWRAP_DEPTH = 8;

	private static final MappedError INTERNAL_ERROR = MappedError.of(ErrorCodes.INTERNAL_ERROR);

	/**
	 * Whether the servlet API is on the class path: a WebFlux application has none, and
	 * must not load {@code ServletException} to have its failures mapped.
	 */
	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.ServletException",
			CompositeExceptionMapper.class.getClassLoader());

	private final List<ExceptionMapper> mappers;

	/**
	 * Create a chain.
	 * @param mappers the mappers, in any order: they are sorted by their order
	 */
	public CompositeExceptionMapper(List<? extends ExceptionMapper> mappers) {
		List<ExceptionMapper> sorted = new ArrayList<>(mappers);
		AnnotationAwareOrderComparator.sort(sorted);
		this.mappers = List.copyOf(sorted);
	}

	/**
	 * Return the mappers in the order they are asked.
	 * @return the mappers
	 */
	public List<ExceptionMapper> getMappers() {
		return this.mappers;
	}

	/**
	 * Map a throwable; never {@code null}.
	 * @param throwable the failure
	 * @return the first mapper's answer, or {@code internal_error}
	 */
	public MappedError map(Throwable throwable) {
		Throwable current = throwable;
		for (int depth = 0; current != null && depth < MAX_UNWRAP_DEPTH; depth++) {
			for (ExceptionMapper mapper : this.mappers) {
				MappedError mapped = safelyMap(mapper, current);
				if (mapped != null) {
					return mapped;
				}
			}
			Throwable cause = unwrap(current);
			current = (cause != current) ? cause : null;
		}
		return INTERNAL_ERROR;
	}

	private static @Nullable MappedError safelyMap(ExceptionMapper mapper, Throwable throwable) {
		try {
			return mapper.map(throwable);
		}
		catch (RuntimeException ex) {
			logger.warn("Exception mapper " + mapper.getClass().getName() + " failed on "
					+ throwable.getClass().getName() + "; trying the next one", ex);
			return null;
		}
	}

	private static @Nullable Throwable unwrap(Throwable throwable) {
		if (SERVLET_PRESENT && ServletWrapper.is(throwable)) {
			return ServletWrapper.cause(throwable);
		}
		if (throwable instanceof InvocationTargetException || throwable instanceof UndeclaredThrowableException
				|| throwable instanceof CompletionException || throwable instanceof ExecutionException) {
			return throwable.getCause();
		}
		return null;
	}

	/**
	 * The servlet API's wrapper, in a class of its own so that it is loaded only when the
	 * servlet API is present.
	 */
	private static final class ServletWrapper {

		static boolean is(Throwable throwable) {
			return throwable instanceof ServletException;
		}

		static @Nullable Throwable cause(Throwable throwable) {
			ServletException ex = (ServletException) throwable;
			return (ex.getRootCause() != null) ? ex.getRootCause() : ex.getCause();
		}

	}

}
