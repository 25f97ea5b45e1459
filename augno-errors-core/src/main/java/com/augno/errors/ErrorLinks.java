package com.augno.errors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The rules for the two links of an error: {@code doc_url} is the documentation base URL,
 * {@code #} and the code, unless the code carries its own URL; {@code request_log_url} is
 * a template whose {@code {request_id}} placeholder is replaced by the request id, or
 * absent.
 *
 * @param docBaseUrl the documentation page the code anchors are appended to
 * @param requestLogUrlTemplate the request log URL with a
 * {@value #REQUEST_ID_PLACEHOLDER} placeholder, or {@code null} (or blank) when the
 * service has no request log
 * @since 0.1.0
 */
public record ErrorLinks(String docBaseUrl, @Nullable String requestLogUrlTemplate) {

	/**
	 * The placeholder of the request log URL template.
	 */
	public static final String REQUEST_ID_PLACEHOLDER = "{request_id}";

	/**
	 * The documentation page of the Augno error codes.
	 */
	public static final String DEFAULT_DOC_BASE_URL = "https://docs.augno.com/api/errors";

	/**
	 * The Augno dashboard's request log.
	 */
	public static final String DEFAULT_REQUEST_LOG_URL_TEMPLATE = "https://augno.com/dashboard/request-logs/"
			+ REQUEST_ID_PLACEHOLDER;

	private static final ErrorLinks DEFAULTS = new ErrorLinks(DEFAULT_DOC_BASE_URL, DEFAULT_REQUEST_LOG_URL_TEMPLATE);

	/**
	 * Validate the components; a blank template means no request log.
	 * @throws IllegalArgumentException if the base URL is blank or the template lacks its
	 * placeholder
	 */
	public ErrorLinks {
		if (docBaseUrl == null || docBaseUrl.isBlank()) {
			throw new IllegalArgumentException("The documentation base URL must not be blank");
		}
		if (requestLogUrlTemplate != null && requestLogUrlTemplate.isBlank()) {
			requestLogUrlTemplate = null;
		}
		if (requestLogUrlTemplate != null && !requestLogUrlTemplate.contains(REQUEST_ID_PLACEHOLDER)) {
			throw new IllegalArgumentException("The request log URL template '" + requestLogUrlTemplate
					+ "' must contain the placeholder " + REQUEST_ID_PLACEHOLDER);
		}
	}

	/**
	 * Return the Augno defaults: the Augno documentation and dashboard.
	 * @return the default links
	 */
	public static ErrorLinks defaults() {
		return DEFAULTS;
	}

	/**
	 * Return the documentation link of a code.
	 * @param code the code
	 * @return the code's own URL if it has one, else the base URL with the code as anchor
	 */
	public String docUrl(ErrorCode code) {
		String own = code.docUrl();
		return (own != null) ? own : this.docBaseUrl + "#" + code.code();
	}

	/**
	 * Return the request log link of a request.
	 * @param requestId the request id, or {@code null} when the request has none
	 * @return the link, or {@code null} without a template or a request id
	 */
	public @Nullable String requestLogUrl(@Nullable String requestId) {
		if (this.requestLogUrlTemplate == null || requestId == null || requestId.isEmpty()) {
			return null;
		}
		String encoded = isUrlSafe(requestId) ? requestId : URLEncoder.encode(requestId, StandardCharsets.UTF_8);
		return this.requestLogUrlTemplate.replace(REQUEST_ID_PLACEHOLDER, encoded);
	}

	/**
	 * Whether {@link URLEncoder} would leave an id as it is, as it does the generated
	 * ones: then it is used without encoding, which is on every error's path.
	 */
	private static boolean isUrlSafe(String id) {
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.' || c == '*';
			if (!safe) {
				return false;
			}
		}
		return true;
	}

}
