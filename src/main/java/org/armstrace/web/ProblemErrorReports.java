package org.armstrace.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Requests Tomcat refuses before any servlet sees them (a path with '{' or an encoded
 * NUL, a header with control characters) are answered with a problem too, not Tomcat's
 * HTML page: the host's error report is ours.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorReports {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsForRefusedRequests() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReport.class.getName());
			}
		});
	}

	/**
	 * Tomcat's error report as a problem (RFC 9457), without the server's name or any of
	 * the request.
	 */
	public static class ProblemReport extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			String title = known == null ? "Error" : known.getReasonPhrase();
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write("{\"status\":" + status + ",\"title\":\"" + title
							+ "\",\"detail\":\"the server cannot read this request\"}");
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the response already started: nothing more to say
			}
		}

	}

}
