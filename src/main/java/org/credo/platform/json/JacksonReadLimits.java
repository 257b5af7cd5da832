package org.credo.platform.json;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's Jackson mapper (request bodies, events, stored JSON) reads at most {@link JsonLimits#MAX_DEPTH}
 * levels of nesting and answers deeper input with a 400.
 *
 * <p>Nesting is a property of Jackson's stream factory, which a {@code JsonMapperBuilderCustomizer} cannot replace, and
 * Spring Boot 4.0 has no property for it (4.1 adds {@code JsonFactoryBuilderCustomizer}). So this builder stands in for
 * Boot's own, which backs off when one exists, and applies every customizer in order as Boot does: the
 * {@code spring.jackson.*} settings still hold.
 */
@Configuration(proxyBeanMethods = false)
class JacksonReadLimits {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        var builder = JsonLimits.jsonMapperBuilder();
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
