package com.augno.errors.spring.test;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.test.system.CapturedOutput;

/**
 * The log events in captured output, told apart from everything else printed there.
 * Logback's own status lines ({@code 12:42:52,491 |-WARN in Logger[...] - No appenders
 * present}) appear when a cached context of another test class closes while the logging
 * system is being reinitialised; they are not log events of the code under test, so a
 * test that counts WARN and ERROR lines must not count them. Neither does it count
 * Tomcat's warning about a thread left running by a web application that stops
 * ({@code WebappClassLoaderBase}): Spring's test context cache closes the least recently
 * used context of another test class while this one starts, and its task executor may
 * still be finishing that class's work.
 */
public final class LogLines {

	private static final Pattern EVENT = Pattern.compile("^\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s.*");

	private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s.*");

	private static final Pattern OTHER_CONTEXTS_THREAD = Pattern.compile(
			"^\\S+\\s+WARN\\s.*\\.WebappClassLoaderBase\\s+: The web application \\[.*\\] appears to have started a thread.*");

	private LogLines() {
	}

	/**
	 * The log events (lines in Spring Boot's console format) in the captured output.
	 * @param output the captured output
	 * @return the log event lines, in order
	 */
	public static List<String> events(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> EVENT.matcher(line).matches()).toList();
	}

	/**
	 * The log events at WARN or ERROR in the captured output.
	 * @param output the captured output
	 * @return the WARN and ERROR event lines, in order
	 */
	public static List<String> warningsAndErrors(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> WARN_OR_ERROR.matcher(line).matches() && !OTHER_CONTEXTS_THREAD.matcher(line).matches())
			.toList();
	}

}
