package com.augno.errors.spring.quickstart;

// tag::fixed-request-ids[]
import com.augno.errors.spring.web.RequestIdGenerator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One request id for every request of a test, so that generated snippets and contracts
 * (Spring REST Docs, Spring Cloud Contract) are the same on every build.
 */
@TestConfiguration(proxyBeanMethods = false)
class FixedRequestIds {

	@Bean
	RequestIdGenerator requestIdGenerator() {
		return () -> "rq_docs";
	}

}
// end::fixed-request-ids[]
