package com.augno.errors.spring.idempotency;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Sends the response as usual (streaming stays streaming) while keeping a copy of its
 * body, up to a bound: past it the copy is dropped and the response is marked as too
 * large to store.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

	private final int maxBytes;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CharArrayWriter chars = new CharArrayWriter();

	private boolean overflowed;

	private boolean errorSent;

	private @Nullable ServletOutputStream stream;

	private @Nullable PrintWriter writer;

	CapturingResponse(HttpServletResponse response, int maxBytes) {
		super(response);
		this.maxBytes = maxBytes;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new TeeOutputStream(super.getOutputStream());
		}
		return this.stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = new PrintWriter(new TeeWriter(super.getWriter()));
		}
		return this.writer;
	}

	@Override
	public void sendError(int status) throws IOException {
		this.errorSent = true;
		super.sendError(status);
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		this.errorSent = true;
		super.sendError(status, message);
	}

	@Override
	public void reset() {
		super.reset();
		clear();
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		clear();
	}

	/**
	 * Return whether the body is known in full: not past the bound, and not left to the
	 * container's error dispatch by {@code sendError}.
	 * @return whether the body can be stored
	 */
	boolean isComplete() {
		return !this.overflowed && !this.errorSent;
	}

	/**
	 * Return whether the body grew past the bound.
	 * @return whether it did
	 */
	boolean isOverflowed() {
		return this.overflowed;
	}

	/**
	 * Return the captured body: what went through the stream, then what went through the
	 * writer, in the response's character encoding.
	 * @return the body
	 */
	byte[] body() {
		if (this.chars.size() == 0) {
			return this.bytes.toByteArray();
		}
		byte[] written = this.chars.toString().getBytes(charset());
		byte[] streamed = this.bytes.toByteArray();
		byte[] body = new byte[streamed.length + written.length];
		System.arraycopy(streamed, 0, body, 0, streamed.length);
		System.arraycopy(written, 0, body, streamed.length, written.length);
		return body;
	}

	private Charset charset() {
		try {
			return Charset.forName(getCharacterEncoding());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return StandardCharsets.ISO_8859_1;
		}
	}

	private void clear() {
		this.bytes.reset();
		this.chars.reset();
		this.overflowed = false;
	}

	private boolean fits(int more) {
		// A char takes at least one byte: the bound holds for the writer too.
		if (!this.overflowed && (long) this.bytes.size() + this.chars.size() + more > this.maxBytes) {
			this.overflowed = true;
			this.bytes.reset();
			this.chars.reset();
		}
		return !this.overflowed;
	}

	private final class TeeOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		TeeOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			if (fits(1)) {
				CapturingResponse.this.bytes.write(b);
			}
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			this.delegate.write(buffer, offset, length);
			if (fits(length)) {
				CapturingResponse.this.bytes.write(buffer, offset, length);
			}
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

	private final class TeeWriter extends Writer {

		private final PrintWriter delegate;

		TeeWriter(PrintWriter delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(char[] buffer, int offset, int length) {
			this.delegate.write(buffer, offset, length);
			if (fits(length)) {
				CapturingResponse.this.chars.write(buffer, offset, length);
			}
		}

		@Override
		public void flush() {
			this.delegate.flush();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
