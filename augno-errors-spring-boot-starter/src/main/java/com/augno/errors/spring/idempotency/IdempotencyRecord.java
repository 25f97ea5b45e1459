package com.augno.errors.spring.idempotency;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What an idempotency key holds: a request in flight, or the response of a completed one.
 * Both carry the fingerprint of the request that claimed the key, so that a retry with
 * other parameters is told apart from a true retry.
 *
 * @since 0.1.0
 */
public sealed interface IdempotencyRecord permits IdempotencyRecord.InFlight, IdempotencyRecord.Completed {

	/**
	 * Return the fingerprint of the request that claimed the key.
	 * @return the fingerprint
	 */
	String fingerprint();

	/**
	 * A request that claimed the key and is still running.
	 *
	 * @param token identifies this claim among later ones of the same key
	 * @param fingerprint the request's fingerprint
	 */
	record InFlight(String token, String fingerprint) implements IdempotencyRecord {

		public InFlight {
			Objects.requireNonNull(token, "token");
			Objects.requireNonNull(fingerprint, "fingerprint");
		}

	}

	/**
	 * The response of a request that completed, replayed to retries. The record takes the
	 * body array as it is given rather than a copy of it, as it is built once per stored
	 * response: the caller must not change the array afterwards. {@link #body()} returns
	 * a copy.
	 *
	 * @param fingerprint the request's fingerprint
	 * @param status the HTTP status
	 * @param headers the stored response headers, in order
	 * @param body the response body, not copied
	 */
	record Completed(String fingerprint, int status, List<Header> headers, byte[] body) implements IdempotencyRecord {

		public Completed {
			Objects.requireNonNull(fingerprint, "fingerprint");
			Objects.requireNonNull(body, "body");
			headers = List.copyOf(headers);
		}

		@Override
		public byte[] body() {
			return this.body.clone();
		}

		/**
		 * Write the body without copying it.
		 * @param out where to write it
		 * @throws IOException if writing fails
		 */
		public void writeBody(OutputStream out) throws IOException {
			out.write(this.body);
		}

		/**
		 * Return the length of the body without copying it.
		 * @return the length in bytes
		 */
		public int bodyLength() {
			return this.body.length;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Completed that && this.status == that.status
					&& this.fingerprint.equals(that.fingerprint) && this.headers.equals(that.headers)
					&& Arrays.equals(this.body, that.body);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.fingerprint, this.status, this.headers, Arrays.hashCode(this.body));
		}

		@Override
		public String toString() {
			return "Completed[status=" + this.status + ", headers=" + this.headers + ", body=" + this.body.length
					+ " bytes]";
		}

	}

	/**
	 * A stored response header.
	 *
	 * @param name the header name
	 * @param value one of its values
	 */
	record Header(String name, String value) {

		public Header {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(value, "value");
		}

	}

}
