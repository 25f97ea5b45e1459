package com.augno.errors.spring.quickstart;

// tag::application[]
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// end::application[]
import org.springframework.context.annotation.PropertySource;

// The README's application.properties, kept beside the example rather than at the root
// of the test class path, which the starter's other tests share.
@PropertySource("classpath:com/augno/errors/spring/quickstart/application.properties")
// tag::application[]
@SpringBootApplication
public class ShippingApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShippingApplication.class, args);
	}

}
// end::application[]
