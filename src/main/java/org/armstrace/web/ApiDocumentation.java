package org.armstrace.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description served at /api/docs: what the API is, and how to authenticate.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI armsTraceApi() {
		return new OpenAPI()
			.info(new Info().title("ArmsTrace API")
				.version("v1")
				.description("Record-keeping and tracing of firearms, their parts and components and ammunition. "
						+ "Errors are RFC 9457 problem details. The ledger's key, checkpoints, heads and proofs are "
						+ "open; everything else needs 'Authorization: Bearer <token>'.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
