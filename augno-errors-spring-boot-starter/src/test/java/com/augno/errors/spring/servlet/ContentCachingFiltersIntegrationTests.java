package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error answered on an async dispatch behind filters that cache the response body in a
 * {@link ContentCachingResponseWrapper}, over a real Tomcat: the home-made logging filter
 * that skips async dispatches (as {@link OncePerRequestFilter} does by default), one that
 * filters them and wraps each dispatch anew, and Spring's
 * {@link ShallowEtagHeaderFilter}. The envelope arrives once, with its length.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@ExtendWith(OutputCaptureExtension.class)
class ContentCachingFiltersIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void failedCallableBehindAFilterThatSkipsAsyncDispatchesIsAnswered(CapturedOutput output) throws Exception {
		AugnoErrors.assertThat(this.http.get("/skipping/callable")).isAugnoError("internal_error").hasContentLength();
	}

	@Test
	void failedCallableBehindAFilterThatSkipsAsyncDispatchesIsAnsweredToABrowser(CapturedOutput output)
			throws Exception {
		AugnoErrors.assertThat(this.http.get("/skipping/callable", "Accept", BROWSER_ACCEPT))
			.isAugnoError("internal_error")
			.hasContentLength();
	}

	@Test
	void failedDeferredResultBehindAFilterThatSkipsAsyncDispatchesIsAnswered(CapturedOutput output) throws Exception {
		AugnoErrors.assertThat(this.http.get("/skipping/deferred")).isAugnoError("internal_error").hasContentLength();
	}

	@Test
	void streamingBodyFailingBeforeCommitBehindAFilterThatSkipsAsyncDispatchesIsAnswered(CapturedOutput output)
			throws Exception {
		AugnoErrors.assertThat(this.http.get("/skipping/streaming")).isAugnoError("internal_error").hasContentLength();
	}

	@Test
	void failedCallableBehindAFilterThatWrapsEachDispatchIsAnsweredAndSeenByTheFilter(CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = this.http.get("/rewrapping/callable");
		AugnoErrors.assertThat(response).isAugnoError("internal_error").hasContentLength();
		assertThat(output).contains("Cached /rewrapping/callable: 500 " + response.body());
	}

	@Test
	void failedCallableBehindAFilterThatKeepsItsWrapperIsAnsweredOnceAndSeenByTheFilter(CapturedOutput output)
			throws Exception {
		HttpResponse<String> response = this.http.get("/reusing/callable");
		AugnoErrors.assertThat(response).isAugnoError("internal_error").hasContentLength();
		assertThat(output).contains("Cached /reusing/callable: 500 " + response.body());
	}

	@Test
	void callableBehindAFilterThatKeepsItsWrapperIsSentOnce() throws Exception {
		HttpResponse<String> response = this.http.get("/reusing/ok");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ok");
	}

	@Test
	void failedCallableBehindShallowEtagHeaderFilterIsAnswered(CapturedOutput output) throws Exception {
		AugnoErrors.assertThat(this.http.get("/etag/callable")).isAugnoError("internal_error").hasContentLength();
	}

	@Test
	void callableBehindShallowEtagHeaderFilterIsSentOnceWithItsEtag() throws Exception {
		HttpResponse<String> response = this.http.get("/etag/ok");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ok");
		assertThat(response.headers().firstValue("ETag")).isPresent();
	}

	@Test
	void synchronousFailureBehindAFilterThatSkipsAsyncDispatchesIsAnswered(CapturedOutput output) throws Exception {
		AugnoErrors.assertThat(this.http.get("/skipping/sync")).isAugnoError("internal_error").hasContentLength();
	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		@GetMapping({ "/skipping/callable", "/rewrapping/callable", "/reusing/callable", "/etag/callable" })
		Callable<String> callable() {
			return () -> {
				throw new IllegalStateException("Callable failed");
			};
		}

		@GetMapping({ "/reusing/ok", "/etag/ok" })
		Callable<String> ok() {
			return () -> "ok";
		}

		@GetMapping("/skipping/deferred")
		DeferredResult<String> deferred() {
			DeferredResult<String> result = new DeferredResult<>();
			result.setErrorResult(new IllegalStateException("Deferred result failed"));
			return result;
		}

		@GetMapping("/skipping/streaming")
		StreamingResponseBody streaming() {
			return (out) -> {
				throw new IllegalStateException("Stream failed before writing");
			};
		}

		@GetMapping("/skipping/sync")
		String sync() {
			throw new IllegalStateException("Handler failed");
		}

		@Bean
		FilterRegistrationBean<CachingLogFilter> skippingCachingFilter() {
			return cachingFilter(Style.SKIPS_ASYNC, "/skipping/*");
		}

		@Bean
		FilterRegistrationBean<CachingLogFilter> rewrappingCachingFilter() {
			return cachingFilter(Style.WRAPS_EACH_DISPATCH, "/rewrapping/*");
		}

		@Bean
		FilterRegistrationBean<CachingLogFilter> reusingCachingFilter() {
			return cachingFilter(Style.KEEPS_ITS_WRAPPER, "/reusing/*");
		}

		private static FilterRegistrationBean<CachingLogFilter> cachingFilter(Style style, String urlPattern) {
			FilterRegistrationBean<CachingLogFilter> registration = new FilterRegistrationBean<>(
					new CachingLogFilter(style));
			registration.addUrlPatterns(urlPattern);
			return registration;
		}

		@Bean
		FilterRegistrationBean<ShallowEtagHeaderFilter> etagFilter() {
			FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
					new ShallowEtagHeaderFilter());
			registration.addUrlPatterns("/etag/*");
			return registration;
		}

	}

	/**
	 * How a caching filter treats the async dispatch.
	 */
	enum Style {

		/**
		 * Skips it, as {@link OncePerRequestFilter} does by default: the filter of most
		 * applications.
		 */
		SKIPS_ASYNC,

		/**
		 * Filters it with a wrapper of its own, copied into the first dispatch's.
		 */
		WRAPS_EACH_DISPATCH,

		/**
		 * Filters it with the first dispatch's wrapper, copied once the request is done,
		 * as Spring's {@link ShallowEtagHeaderFilter} does.
		 */
		KEEPS_ITS_WRAPPER

	}

	/**
	 * The common home-made response logging filter: caches the body, logs it and copies
	 * it to the response in a {@code finally} block, on each dispatch it filters.
	 */
	static final class CachingLogFilter extends OncePerRequestFilter {

		private static final Log logger = LogFactory.getLog(CachingLogFilter.class);

		private final Style style;

		CachingLogFilter(Style style) {
			this.style = style;
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return this.style == Style.SKIPS_ASYNC;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper kept = (this.style == Style.KEEPS_ITS_WRAPPER)
					? WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class) : null;
			ContentCachingResponseWrapper wrapper = (kept != null) ? kept : new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(request, wrapper);
			}
			finally {
				if (this.style != Style.KEEPS_ITS_WRAPPER || !request.isAsyncStarted()) {
					logger.info("Cached " + request.getRequestURI() + ": " + wrapper.getStatus() + " "
							+ new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
					wrapper.copyBodyToResponse();
				}
			}
		}

	}

}
