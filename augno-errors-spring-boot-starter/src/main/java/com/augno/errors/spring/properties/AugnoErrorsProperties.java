package com.augno.errors.spring.properties;

import java.util.ArrayList;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.Ordered;

/**
 * Configuration of the Augno error envelope, under {@code augno.errors}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("augno.errors")
public class AugnoErrorsProperties {

	/**
	 * Default order of the request id filter: first, so that every later filter runs with
	 * the request id in the MDC and its exceptions are enveloped.
	 */
	public static final int DEFAULT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * Whether to answer every failure with the Augno error envelope.
	 */
	private boolean enabled = true;

	/**
	 * Documentation page to which each error code is appended as an anchor to form
	 * doc_url.
	 */
	private String docBaseUrl = ErrorLinks.DEFAULT_DOC_BASE_URL;

	/**
	 * Full documentation URL per error code, replacing the default anchor link.
	 */
	private Map<String, String> docUrls = new LinkedHashMap<>();

	/**
	 * URL of a request's log entry, with a {request_id} placeholder. Empty for no
	 * request_log_url.
	 */
	private String requestLogUrlTemplate = ErrorLinks.DEFAULT_REQUEST_LOG_URL_TEMPLATE;

	/**
	 * Service-defined codes, and message overrides of built-in codes, by wire code. Each
	 * takes status (HTTP status from 400 to 599), type (invalid_request_error, api_error
	 * or idempotency_error), transient (whether retrying may succeed after a delay) and
	 * message (default message, safe to show to end users); a service-defined code needs
	 * status and message, a built-in code takes only message.
	 */
	private Map<String, Code> codes = new LinkedHashMap<>();

	/**
	 * Error code per fully qualified exception class name; subclasses are included and
	 * the closest configured superclass wins.
	 */
	private Map<String, String> exceptions = new LinkedHashMap<>();

	/**
	 * Request paths whose failures are answered, as PathPattern patterns such as /api/**,
	 * matched against the path within the application: without the context path, with the
	 * DispatcherServlet's path (spring.mvc.servlet.path). Failures of other paths get
	 * Spring Boot's own error handling. Empty for every path.
	 */
	private List<String> paths = new ArrayList<>(List.of("/**"));

	/**
	 * Whether a query parameter that the handler does not declare is rejected with
	 * parameter_unknown.
	 */
	private boolean rejectUnknownParameters;

	/**
	 * Retry-After sent with request_timeout (408) when an asynchronous result (a
	 * DeferredResult, Callable or CompletionStage) timed out. HTTP clients that resend a
	 * 408 on their own, such as OkHttp, do not when it asks them to wait, so a POST is
	 * not run twice behind the caller's back. Zero sends none.
	 */
	private Duration requestTimeoutRetryAfter = Duration.ofSeconds(1);

	/**
	 * Whether Spring Boot's static resource locations are checked once at startup, so
	 * that a missing one is not searched on every request: an unknown URL then costs no
	 * class path lookups. Applies, on Spring MVC and WebFlux, to resource handlers whose
	 * locations are all on the class path (or in the servlet context); turn it off if
	 * static resources are served from a jar without directory entries.
	 */
	private boolean optimizeResourceLocations = true;

	/**
	 * What to do at startup with a string constant passed to AugnoException.of in the
	 * application's own classes (its auto-configuration packages) that is not a
	 * registered code: fail startup, log a warning, or skip the check.
	 */
	private VerifyCodes verifyCodes = VerifyCodes.FAIL;

	private final RequestId requestId = new RequestId();

	private final Logging logging = new Logging();

	private final Filter filter = new Filter();

	private final ApiVersion apiVersion = new ApiVersion();

	private final Resilience4j resilience4j = new Resilience4j();

	private final Security security = new Security();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getDocBaseUrl() {
		return this.docBaseUrl;
	}

	public void setDocBaseUrl(String docBaseUrl) {
		this.docBaseUrl = docBaseUrl;
	}

	public Map<String, String> getDocUrls() {
		return this.docUrls;
	}

	public void setDocUrls(Map<String, String> docUrls) {
		this.docUrls = docUrls;
	}

	public String getRequestLogUrlTemplate() {
		return this.requestLogUrlTemplate;
	}

	public void setRequestLogUrlTemplate(String requestLogUrlTemplate) {
		this.requestLogUrlTemplate = requestLogUrlTemplate;
	}

	public Map<String, Code> getCodes() {
		return this.codes;
	}

	public void setCodes(Map<String, Code> codes) {
		this.codes = codes;
	}

	public Map<String, String> getExceptions() {
		return this.exceptions;
	}

	public void setExceptions(Map<String, String> exceptions) {
		this.exceptions = exceptions;
	}

	public List<String> getPaths() {
		return this.paths;
	}

	public void setPaths(List<String> paths) {
		this.paths = paths;
	}

	public Duration getRequestTimeoutRetryAfter() {
		return this.requestTimeoutRetryAfter;
	}

	public void setRequestTimeoutRetryAfter(Duration requestTimeoutRetryAfter) {
		this.requestTimeoutRetryAfter = requestTimeoutRetryAfter;
	}

	public boolean isRejectUnknownParameters() {
		return this.rejectUnknownParameters;
	}

	public void setRejectUnknownParameters(boolean rejectUnknownParameters) {
		this.rejectUnknownParameters = rejectUnknownParameters;
	}

	public VerifyCodes getVerifyCodes() {
		return this.verifyCodes;
	}

	public void setVerifyCodes(VerifyCodes verifyCodes) {
		this.verifyCodes = verifyCodes;
	}

	public boolean isOptimizeResourceLocations() {
		return this.optimizeResourceLocations;
	}

	public void setOptimizeResourceLocations(boolean optimizeResourceLocations) {
		this.optimizeResourceLocations = optimizeResourceLocations;
	}

	public RequestId getRequestId() {
		return this.requestId;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Filter getFilter() {
		return this.filter;
	}

	public ApiVersion getApiVersion() {
		return this.apiVersion;
	}

	public Resilience4j getResilience4j() {
		return this.resilience4j;
	}

	public Security getSecurity() {
		return this.security;
	}

	/**
	 * A service-defined code, or the message override of a built-in one. For a built-in
	 * code only {@code message} may be set: its status, type and transience are the
	 * contract's.
	 */
	public static class Code {

		/**
		 * HTTP status, from 400 to 599. Required for a service-defined code.
		 */
		private @Nullable Integer status;

		/**
		 * Type of the code. Defaults to api_error for a 5xx, else invalid_request_error.
		 */
		private @Nullable ErrorType type;

		/**
		 * Whether retrying may succeed after a delay.
		 */
		private @Nullable Boolean transientError;

		/**
		 * Default message, safe to show to end users. Required for a service-defined
		 * code.
		 */
		private @Nullable String message;

		public @Nullable Integer getStatus() {
			return this.status;
		}

		public void setStatus(@Nullable Integer status) {
			this.status = status;
		}

		public @Nullable ErrorType getType() {
			return this.type;
		}

		public void setType(@Nullable ErrorType type) {
			this.type = type;
		}

		/**
		 * Whether retrying may succeed after a delay; bound as {@code transient}.
		 * @return the transience, or {@code null} when not set
		 */
		public @Nullable Boolean getTransient() {
			return this.transientError;
		}

		public void setTransient(@Nullable Boolean transientError) {
			this.transientError = transientError;
		}

		public @Nullable String getMessage() {
			return this.message;
		}

		public void setMessage(@Nullable String message) {
			this.message = message;
		}

	}

	/**
	 * What the startup check of error code constants does with an unknown code.
	 */
	public enum VerifyCodes {

		/**
		 * Fail startup, naming each unknown code and where it is used.
		 */
		FAIL,

		/**
		 * Log a warning naming each unknown code and where it is used.
		 */
		WARN,

		/**
		 * Skip the check.
		 */
		OFF

	}

	/**
	 * How requests are identified.
	 */
	public static class RequestId {

		/**
		 * Response header that carries the request id.
		 */
		private String responseHeader = "Request-Id";

		/**
		 * Request header whose value, when it matches [A-Za-z0-9._-]{1,128}, is reused as
		 * the request id, as set by a trusted proxy. Unset to always generate ids.
		 */
		private @Nullable String trustedHeader;

		public String getResponseHeader() {
			return this.responseHeader;
		}

		public void setResponseHeader(String responseHeader) {
			this.responseHeader = responseHeader;
		}

		public @Nullable String getTrustedHeader() {
			return this.trustedHeader;
		}

		public void setTrustedHeader(@Nullable String trustedHeader) {
			this.trustedHeader = trustedHeader;
		}

	}

	/**
	 * Log levels of rendered errors, by type. Only server errors (5xx) are logged with
	 * their stack trace, once per distinct failure and stack trace interval.
	 */
	public static class Logging {

		/**
		 * Level of invalid_request_error responses (client errors).
		 */
		private LogLevel invalidRequestError = LogLevel.DEBUG;

		/**
		 * Level of idempotency_error responses.
		 */
		private LogLevel idempotencyError = LogLevel.DEBUG;

		/**
		 * Level of api_error responses; 5xx are logged with the cause's stack trace, or
		 * as one line when the same failure repeats within the stack trace interval.
		 */
		private LogLevel apiError = LogLevel.ERROR;

		/**
		 * Level of client disconnects (client_closed_request, 499), which write no body.
		 */
		private LogLevel clientClosedRequest = LogLevel.DEBUG;

		/**
		 * Level of request_timeout responses (408): a request that took too long is
		 * neither a crash nor the client's fault, so it is logged as one line without
		 * stack trace, whatever the api_error level.
		 */
		private LogLevel requestTimeout = LogLevel.WARN;

		/**
		 * Level of client errors (4xx) answered for a failure of the application's own
		 * data access: resource_exists for a unique violation, resource_conflict for a
		 * deadlock, a serialization failure or a stale version. Without the starter these
		 * are server errors logged at ERROR, and a violation the server caused itself (a
		 * key sequence behind its table) is told from a client's duplicate only in the
		 * log; logged as one line that names the exception, whatever the
		 * invalid_request_error level.
		 */
		private LogLevel dataAccessClientError = LogLevel.WARN;

		/**
		 * Level of client errors answered for a failure Spring Security reports as a
		 * possible attack: a remember-me cookie used again after it was replaced
		 * (CookieTheftException, answered invalid_credentials). Without the starter a 500
		 * logged at ERROR, the only record of the detection; logged as one line that
		 * names the exception, whatever the invalid_request_error level.
		 */
		private LogLevel securityAlert = LogLevel.WARN;

		/**
		 * Interval within which a server error's stack trace is logged only for the first
		 * occurrence of each distinct failure (its cause classes and the deepest cause's
		 * first frame); repeats are logged as one line each, without it. Zero to log
		 * every stack trace.
		 */
		private Duration stackTraceInterval = Duration.ofMinutes(1);

		/**
		 * Whether a server error's stack trace, when a message along its cause chain
		 * holds a line break or another control character, is logged through a stand-in
		 * that names each original class with its message on one line, so that the
		 * message cannot forge lines of a text log. Unset to do so unless Spring Boot's
		 * structured logging (logging.structured.format.*) formats every log output,
		 * whose JSON escapes line breaks and records the failure's own class; set to
		 * false when the application's own logging configuration writes JSON.
		 */
		private @Nullable Boolean sanitizeExceptionMessages;

		public LogLevel getInvalidRequestError() {
			return this.invalidRequestError;
		}

		public void setInvalidRequestError(LogLevel invalidRequestError) {
			this.invalidRequestError = invalidRequestError;
		}

		public LogLevel getIdempotencyError() {
			return this.idempotencyError;
		}

		public void setIdempotencyError(LogLevel idempotencyError) {
			this.idempotencyError = idempotencyError;
		}

		public LogLevel getApiError() {
			return this.apiError;
		}

		public void setApiError(LogLevel apiError) {
			this.apiError = apiError;
		}

		public LogLevel getClientClosedRequest() {
			return this.clientClosedRequest;
		}

		public void setClientClosedRequest(LogLevel clientClosedRequest) {
			this.clientClosedRequest = clientClosedRequest;
		}

		public LogLevel getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(LogLevel requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public LogLevel getDataAccessClientError() {
			return this.dataAccessClientError;
		}

		public void setDataAccessClientError(LogLevel dataAccessClientError) {
			this.dataAccessClientError = dataAccessClientError;
		}

		public LogLevel getSecurityAlert() {
			return this.securityAlert;
		}

		public void setSecurityAlert(LogLevel securityAlert) {
			this.securityAlert = securityAlert;
		}

		public Duration getStackTraceInterval() {
			return this.stackTraceInterval;
		}

		public void setStackTraceInterval(Duration stackTraceInterval) {
			this.stackTraceInterval = stackTraceInterval;
		}

		public @Nullable Boolean getSanitizeExceptionMessages() {
			return this.sanitizeExceptionMessages;
		}

		public void setSanitizeExceptionMessages(@Nullable Boolean sanitizeExceptionMessages) {
			this.sanitizeExceptionMessages = sanitizeExceptionMessages;
		}

	}

	/**
	 * The request id filter.
	 */
	public static class Filter {

		/**
		 * Order of the request id filter in the servlet filter chain.
		 */
		private int order = DEFAULT_FILTER_ORDER;

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

	}

	/**
	 * Date-based API versioning in a request header, on Spring Framework's API
	 * versioning. It adds to what {@code spring.mvc.apiversion.*} configures, which still
	 * applies; these properties also shape the api_version_* error messages.
	 */
	public static class ApiVersion {

		/**
		 * Whether to version requests by a date in a request header (such as 2024-06-01),
		 * and to answer version failures with the api_version_* codes.
		 */
		private boolean enabled;

		/**
		 * Request header that carries the API version.
		 */
		private String header = "Augno-Version";

		/**
		 * API versions a request may ask for. Empty to accept the versions of the request
		 * mappings.
		 */
		private List<String> supported = new ArrayList<>();

		/**
		 * Oldest API version still served: an older well-formed version is answered with
		 * api_version_too_old rather than api_version_invalid. Defaults to the oldest
		 * supported version.
		 */
		private @Nullable String minimum;

		/**
		 * API version named as the latest in api_version_required messages. Defaults to
		 * the newest supported version.
		 */
		private @Nullable String latest;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

		public List<String> getSupported() {
			return this.supported;
		}

		public void setSupported(List<String> supported) {
			this.supported = supported;
		}

		public @Nullable String getMinimum() {
			return this.minimum;
		}

		public void setMinimum(@Nullable String minimum) {
			this.minimum = minimum;
		}

		public @Nullable String getLatest() {
			return this.latest;
		}

		public void setLatest(@Nullable String latest) {
			this.latest = latest;
		}

	}

	/**
	 * The Resilience4j integration.
	 */
	public static class Resilience4j {

		/**
		 * Retry-After sent with rate_limit_exceeded when a Resilience4j rate limiter
		 * refuses a call, whose exception does not say when a permit frees up. Rounded up
		 * to whole seconds.
		 */
		private Duration rateLimitRetryAfter = Duration.ofSeconds(1);

		public Duration getRateLimitRetryAfter() {
			return this.rateLimitRetryAfter;
		}

		public void setRateLimitRetryAfter(Duration rateLimitRetryAfter) {
			this.rateLimitRetryAfter = rateLimitRetryAfter;
		}

	}

	/**
	 * The Spring Security integration.
	 */
	public static class Security {

		/**
		 * WWW-Authenticate challenge sent with a 401 only when no authentication
		 * mechanism set one: no HTTP Basic or resource server in the filter chain, a
		 * login form answering an API client, or an application filter calling the
		 * starter's entry point. A mechanism's own challenge always wins, and a 401 a
		 * mechanism answered without one (HTTP Basic's to an XMLHttpRequest) keeps none.
		 * Empty to send none. On WebFlux only with the 401 that replaces a login form's
		 * redirect: any other 401 is the chain's entry point's own, and keeps the
		 * challenge it chose or none.
		 */
		private String wwwAuthenticate = "Bearer";

		public String getWwwAuthenticate() {
			return this.wwwAuthenticate;
		}

		public void setWwwAuthenticate(String wwwAuthenticate) {
			this.wwwAuthenticate = wwwAuthenticate;
		}

	}

}
