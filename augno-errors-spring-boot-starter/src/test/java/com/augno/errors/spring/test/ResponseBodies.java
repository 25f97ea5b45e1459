package com.augno.errors.spring.test;

/**
 * Prepares error bodies for checks that they name no internal detail, after the test kit
 * has checked the envelope itself.
 */
public final class ResponseBodies {

	private ResponseBodies() {
	}

	/**
	 * Return a body without its {@code request_log_url}, whose random request id may
	 * contain any short word, for checks that a body names no internal detail.
	 * @param body the response body
	 * @return the body without the request log link
	 */
	public static String withoutRequestLogUrl(String body) {
		return body.replaceAll("\"request_log_url\":\"[^\"]*\"", "");
	}

}
