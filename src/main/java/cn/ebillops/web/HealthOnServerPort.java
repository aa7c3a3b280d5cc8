package cn.ebillops.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.webmvc.actuate.endpoint.web.WebMvcEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The health endpoint also answers on the main port, at the same path as on the management port
 * ({@code /actuator/health}, {@code /actuator/health/liveness}, {@code /actuator/health/readiness}):
 * the hospital's Zabbix or load balancer reaches the port staff use, while metrics and every other
 * endpoint stay on the management port (loopback by default). Spring Boot's own "additional path"
 * allows only a one-segment path (/readyz) on the main port; this maps the very same endpoint, so
 * status codes, groups and shown details are Boot's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class HealthOnServerPort {

    /**
     * Boot's endpoint mapping, kept out of the bean factory: as a bean of its type it would stand in
     * for the management port's own mapping (which Boot creates only when none exists, parents included)
     * and that port would serve nothing.
     */
    @Bean
    HandlerMapping healthOnServerPortMapping(WebEndpointsSupplier endpoints, EndpointMediaTypes mediaTypes,
                                             WebEndpointProperties properties, ApplicationContext context) {
        List<ExposableWebEndpoint> health = endpoints.getEndpoints().stream()
                .filter(e -> e.getEndpointId().equals(HealthEndpoint.ID)).toList();
        WebMvcEndpointHandlerMapping mapping = new WebMvcEndpointHandlerMapping(
                new EndpointMapping(properties.getBasePath()), health, mediaTypes, null,
                new EndpointLinksResolver(List.of()), false);
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return new Delegate(mapping);
    }

    private record Delegate(WebMvcEndpointHandlerMapping mapping) implements HandlerMapping, Ordered {

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) throws Exception {
            return mapping.getHandler(request);
        }

        @Override
        public boolean usesPathPatterns() {
            return mapping.usesPathPatterns();
        }

        @Override
        public int getOrder() {
            return mapping.getOrder();
        }
    }
}
