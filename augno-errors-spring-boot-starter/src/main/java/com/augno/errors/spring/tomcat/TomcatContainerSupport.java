package com.augno.errors.spring.tomcat;

import java.nio.charset.StandardCharsets;

import com.augno.errors.spring.servlet.ContainerSupport;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * What the valves of the {@link AugnoErrorsTomcatCustomizer} do for the request the
 * calling thread runs through them: the {@link CommittedFailureValve} aborts a committed
 * response that failed, and the {@link ClientClosedRequestValve} records the 499, or the
 * status of a committed response's failure, on Tomcat's response. The customizer installs
 * both, the {@link ClientClosedRequestValve} outermost, so its thread-local request tells
 * whether the thread runs a request through them; a request outside them (another
 * container's, MockMvc's, Tomcat's error page dispatch after the valves returned) gets no
 * support.
 * <p>
 * It also sets an ASCII header (the request id) as bytes on Tomcat's own headers: Tomcat
 * encodes a name and a value set as a {@code String} with a new {@code CharsetEncoder}
 * each when it writes the response. Only on Tomcat's own response object, not through a
 * wrapper some filter put before, which would not see the header otherwise.
 */
final class TomcatContainerSupport implements ContainerSupport {

	static final TomcatContainerSupport INSTANCE = new TomcatContainerSupport();

	/**
	 * The last header name encoded: one for an application, all its requests.
	 */
	private volatile EncodedName lastName = new EncodedName("", new byte[0]);

	private TomcatContainerSupport() {
	}

	@Override
	public boolean abortsCommittedFailures() {
		return ClientClosedRequestValve.isRunning();
	}

	@Override
	public void recordClientClosed() {
		ClientClosedRequestValve.recordCurrent();
	}

	@Override
	public void recordCommittedFailure() {
		ClientClosedRequestValve.recordCurrentCommittedFailure();
	}

	@Override
	public void setAsciiHeader(HttpServletResponse response, String name, String value) {
		Request request = ClientClosedRequestValve.currentRequest();
		Response tomcatResponse = (request != null) ? request.getResponse() : null;
		if (tomcatResponse == null || response != tomcatResponse.getResponse() || tomcatResponse.isCommitted()
				|| name.isEmpty() || name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")
				|| !isPrintableAscii(value)) {
			response.setHeader(name, value);
			return;
		}
		MimeHeaders headers = tomcatResponse.getCoyoteResponse().getMimeHeaders();
		MessageBytes slot;
		if (headers.findHeader(name, 0) >= 0) {
			slot = headers.setValue(name);
		}
		else {
			byte[] encodedName = encode(name);
			slot = headers.addValue(encodedName, 0, encodedName.length);
		}
		byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
		slot.setBytes(bytes, 0, bytes.length);
	}

	/**
	 * Whether a value is what a header value as bytes may be: anything else, such as an
	 * id from an application's own generator, is left to Tomcat's own handling.
	 */
	private static boolean isPrintableAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

	private byte[] encode(String name) {
		EncodedName last = this.lastName;
		if (!last.name().equals(name)) {
			last = new EncodedName(name, name.getBytes(StandardCharsets.ISO_8859_1));
			this.lastName = last;
		}
		return last.bytes();
	}

	/**
	 * A header name with its bytes, never changed once encoded: Tomcat only reads them.
	 */
	private record EncodedName(String name, byte[] bytes) {
	}

}
