package com.augno.errors.spring.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which request paths get Spring MVC's protection against a reflected file download.
 */
class ReflectedFileDownloadTests {

	@Test
	void anExtensionABrowserCouldRunNeedsIt() {
		assertThat(ReflectedFileDownload.needsProtection("/x.bat")).isTrue();
		assertThat(ReflectedFileDownload.needsProtection("/v1/items/setup.CMD")).isTrue();
	}

	@Test
	void anEncodedDotOrAnExtensionInPathParametersNeedsItToo() {
		assertThat(ReflectedFileDownload.needsProtection("/x%2Ebat")).isTrue();
		assertThat(ReflectedFileDownload.needsProtection("/items;jsessionid=1;x.bat")).isTrue();
	}

	@Test
	void noExtensionOrASafeOneDoesNot() {
		assertThat(ReflectedFileDownload.needsProtection("/v1/items/42")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/v1/items.json")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/report.CSV")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/a.bat/items")).as("only the last segment counts").isFalse();
		assertThat(ReflectedFileDownload.needsProtection(null)).isFalse();
	}

	@Test
	void anImageAudioVideoOrXmlTypeDoesNotAsForSpringMvc() {
		assertThat(ReflectedFileDownload.needsProtection("/favicon.ico")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/img/logo.svg")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/media/intro.mp4")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/sound.mp3")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/page.xhtml")).isFalse();
		assertThat(ReflectedFileDownload.needsProtection("/x.exe")).isTrue();
		assertThat(ReflectedFileDownload.needsProtection("/x.html")).isTrue();
	}

	@Test
	void anUndecodableSegmentIsJudgedAsSent() {
		assertThat(ReflectedFileDownload.needsProtection("/x%zz.bat")).isTrue();
		assertThat(ReflectedFileDownload.needsProtection("/x%zz")).isFalse();
	}

}
