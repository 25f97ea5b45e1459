package com.augno.errors.spring.idempotency;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Sends the response as usual while keeping a copy of its body, up to a bound: past it
 * the copy is dropped, the response is marked as too large to store and streams as usual.
 * Below the bound, flushes and closes are held until {@link #settle()}, so that the
 * client cannot read the answer (and retry) before the key is completed or released. A
 * close is held as a flush: the container ends the response when the request ends. A body
 * larger than the container's buffer may still reach the client early.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

	private final int maxBytes;

	// The bytes written to the stream, in an array sized by the first write (or the
	// declared length), so that the usual body written at once is kept without a copy.
	private byte @Nullable [] bytes;

	private int byteCount;

	// Created with the writer's first write: most handlers write to the stream.
	private @Nullable CharArrayWriter chars;

	private boolean overflowed;

	private boolean errorSent;

	private @Nullable ServletOutputStream stream;

	private @Nullable PrintWriter writer;

	private boolean flushHeld;

	private long heldLength = -1;

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
	public void flushBuffer() throws IOException {
		if (!held()) {
			super.flushBuffer();
		}
	}

	/**
	 * Carry out the flushes and closes held while the body could still be stored; called
	 * once the key is completed or released.
	 * @throws IOException if flushing fails
	 */
	void settle() throws IOException {
		releaseLength();
		if (this.flushHeld) {
			this.flushHeld = false;
			getResponse().flushBuffer();
		}
	}

	@Override
	public void setContentLength(int length) {
		setContentLengthLong(length);
	}

	@Override
	public void setContentLengthLong(long length) {
		if (this.overflowed) {
			super.setContentLengthLong(length);
		}
		else {
			this.heldLength = length;
		}
	}

	@Override
	public void setHeader(String name, @Nullable String value) {
		long length = (isContentLength(name) && value != null) ? parseLength(value.trim()) : -1;
		if (length >= 0) {
			setContentLengthLong(length);
		}
		else {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (isContentLength(name)) {
			setHeader(name, value);
		}
		else {
			super.addHeader(name, value);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		if (isContentLength(name)) {
			setContentLengthLong(value);
		}
		else {
			super.setIntHeader(name, value);
		}
	}

	private static boolean isContentLength(String name) {
		return "Content-Length".equalsIgnoreCase(name);
	}

	/**
	 * Return the length a {@code Content-Length} value of 1 to 18 ASCII digits gives.
	 * @param value the trimmed value
	 * @return the length, or -1 when the value is not such digits
	 */
	private static long parseLength(String value) {
		if (value.isEmpty() || value.length() > 18) {
			return -1;
		}
		long length = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			length = length * 10 + (c - '0');
		}
		return length;
	}

	private void releaseLength() {
		if (this.heldLength >= 0 && !getResponse().isCommitted()) {
			getResponse().setContentLengthLong(this.heldLength);
		}
		this.heldLength = -1;
	}

	/**
	 * Hold a flush (or a close, which the container's end of the request carries out)
	 * while the body can still be stored.
	 * @return whether it was held
	 */
	private boolean held() {
		if (this.overflowed) {
			return false;
		}
		this.flushHeld = true;
		return true;
	}

	@Override
	public void reset() {
		super.reset();
		this.heldLength = -1;
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
	 * writer, in the response's character encoding. Called once the response is written:
	 * the array may be the capture's own.
	 * @return the body
	 */
	byte[] body() {
		byte[] streamed = (this.bytes == null) ? new byte[0]
				: (this.byteCount == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.byteCount);
		if (this.chars == null || this.chars.size() == 0) {
			return streamed;
		}
		byte[] written = this.chars.toString().getBytes(charset());
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
		drop();
		this.overflowed = false;
	}

	private void drop() {
		this.bytes = null;
		this.byteCount = 0;
		this.chars = null;
	}

	private boolean fits(int more) {
		// A char takes at least one byte: the bound holds for the writer too.
		if (!this.overflowed
				&& (long) this.byteCount + ((this.chars != null) ? this.chars.size() : 0) + more > this.maxBytes) {
			this.overflowed = true;
			releaseLength();
			drop();
		}
		return !this.overflowed;
	}

	private void keep(byte[] buffer, int offset, int length) {
		byte[] kept = this.bytes;
		int needed = this.byteCount + length;
		if (kept == null) {
			// fits() bounds the declared length's use to the bound.
			long declared = (this.heldLength <= this.maxBytes) ? this.heldLength : -1;
			kept = new byte[(int) Math.max(needed, declared)];
		}
		else if (needed > kept.length) {
			kept = Arrays.copyOf(kept,
					Math.max(needed, (int) Math.min(this.maxBytes, Math.max(64L, 2L * kept.length))));
		}
		System.arraycopy(buffer, offset, kept, this.byteCount, length);
		this.bytes = kept;
		this.byteCount = needed;
	}

	private void keep(int b) {
		if (this.bytes == null || this.byteCount == this.bytes.length) {
			keep(new byte[] { (byte) b }, 0, 1);
		}
		else {
			this.bytes[this.byteCount++] = (byte) b;
		}
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
				keep(b);
			}
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			this.delegate.write(buffer, offset, length);
			if (fits(length)) {
				keep(buffer, offset, length);
			}
		}

		@Override
		public void flush() throws IOException {
			if (!held()) {
				this.delegate.flush();
			}
		}

		@Override
		public void close() throws IOException {
			if (!held()) {
				this.delegate.close();
			}
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
				if (CapturingResponse.this.chars == null) {
					CapturingResponse.this.chars = new CharArrayWriter();
				}
				CapturingResponse.this.chars.write(buffer, offset, length);
			}
		}

		@Override
		public void flush() {
			if (!held()) {
				this.delegate.flush();
			}
		}

		@Override
		public void close() {
			if (!held()) {
				this.delegate.close();
			}
		}

	}

}
