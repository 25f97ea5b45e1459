package com.augno.errors.spring.servlet;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Keeps every span an OpenTelemetry SDK exports, for the tests that read what a server
 * span recorded.
 */
class RecordingSpanExporter implements SpanExporter {

	private final List<SpanData> finished = new CopyOnWriteArrayList<>();

	/**
	 * Return the finished server spans whose name matches.
	 * @param name tells the names wanted
	 * @return the spans, in the order they ended
	 */
	List<SpanData> serverSpans(Predicate<String> name) {
		return this.finished.stream()
			.filter((span) -> span.getKind() == SpanKind.SERVER && name.test(span.getName()))
			.toList();
	}

	/**
	 * Forget the spans exported so far.
	 */
	void clear() {
		this.finished.clear();
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		this.finished.addAll(spans);
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

}
