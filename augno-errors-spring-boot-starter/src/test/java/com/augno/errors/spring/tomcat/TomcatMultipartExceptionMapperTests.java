package com.augno.errors.spring.tomcat;

import java.io.IOException;
import java.util.List;

import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.IOFileUploadException;
import org.apache.tomcat.util.http.fileupload.impl.InvalidContentTypeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.apache.tomcat.util.res.StringManager;
import org.junit.jupiter.api.Test;

import org.springframework.web.multipart.MultipartException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of Tomcat's multipart failures {@link TomcatMultipartExceptionMapper} takes for
 * the client's, as the parser and the servlet layers wrap them.
 */
class TomcatMultipartExceptionMapperTests {

	private final TomcatMultipartExceptionMapper mapper = new TomcatMultipartExceptionMapper();

	private final CompositeExceptionMapper chain = new CompositeExceptionMapper(List.of(this.mapper));

	@Test
	void mapsAStreamCutShortThroughSpringToValidationFailed() {
		Throwable failure = new MultipartException("Failed to parse multipart servlet request",
				new IOFileUploadException("Processing of multipart/form-data request failed. Stream ended unexpectedly",
						new MultipartStream.MalformedStreamException("Stream ended unexpectedly")));
		assertMalformed(this.mapper.map(failure));
	}

	@Test
	void mapsAMissingBoundaryThroughGetParameterToValidationFailed() {
		Throwable failure = new InvalidParameterException(
				new FileUploadException("the request was rejected because no multipart boundary was found"));
		assertMalformed(this.mapper.map(failure));
	}

	@Test
	void mapsAContentTypeTheParserRefusesToValidationFailed() {
		assertMalformed(this.chain.map(new ServletException(new InvalidContentTypeException("boundary too long"))));
	}

	@Test
	void mapsFormFieldsOverMaxPostSizeToRequestTooLarge() {
		String message = StringManager.getManager(Request.class).getString("coyoteRequest.maxPostSizeExceeded");
		assertThat(this.mapper.map(new IllegalStateException(message))).extracting(MappedError::code)
			.satisfies((code) -> assertThat(code.status()).isEqualTo(413));
		assertThat(this.mapper.map(new InvalidParameterException(new SizeLimitExceededException("too big", 2, 1), 413)))
			.extracting((error) -> error.code().status())
			.isEqualTo(413);
	}

	@Test
	void leavesAFullDiskToInternalError() {
		Throwable failure = new MultipartException("Failed to parse multipart servlet request",
				new IOFileUploadException("Processing of multipart/form-data request failed. No space left on device",
						new IOException("No space left on device")));
		assertThat(this.mapper.map(failure)).isNull();
		assertThat(this.chain.map(failure).code().code()).isEqualTo("internal_error");
	}

	@Test
	void leavesAMissingUploadDirectoryAndOtherIllegalStatesAlone() {
		assertThat(this.mapper.map(new MultipartException("Failed to parse multipart servlet request",
				new IOException("The temporary upload location [/nope] is not valid"))))
			.isNull();
		assertThat(this.mapper.map(new IllegalStateException(
				StringManager.getManager(Request.class).getString("coyoteRequest.noMultipartConfig"))))
			.isNull();
	}

	@Test
	void endsOnACauseChainThatLoops() {
		IllegalStateException first = new IllegalStateException("first");
		IOException second = new IOException("second", first);
		first.initCause(second);
		assertThat(this.mapper.map(new MultipartException("loop", first))).isNull();
	}

	private static void assertMalformed(MappedError error) {
		assertThat(error).isNotNull();
		assertThat(error.code().code()).isEqualTo("validation_failed");
		assertThat(error.message()).isEqualTo(TomcatMultipartExceptionMapper.MESSAGE);
		assertThat(error.param()).isNull();
	}

}
