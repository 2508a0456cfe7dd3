package org.leifeng.platform.internal;

import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;

import org.leifeng.platform.ControlCharacters;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as it is written, nothing guessed: a number is not a text, a text not a number or a flag, a fraction
 * not a whole number, a time only an ISO-8601 text (never an epoch number or an array of fields), a property only
 * once, and no text carries a control character other than tab and line breaks. Each refusal names its field
 * ({@link ApiProblemAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictReading() {
        SimpleModule strictValues = new SimpleModule("leifeng-strict-values").setDeserializerModifier(new StrictValues());
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, texts -> texts
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(strictValues);
    }

    /** Wraps the readers of texts and of dates and times; every other reader stays as it is. */
    static final class StrictValues extends ValueDeserializerModifier {

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier type,
                ValueDeserializer<?> deserializer) {
            Class<?> raw = type.getBeanClass();
            if (raw == String.class) {
                return new PrintableText(deserializer);
            }
            if (Temporal.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)) {
                return new TimeAsText(deserializer);
            }
            return deserializer;
        }
    }

    /** A time or a duration only from a JSON string, whatever else the standard reader would make of a value. */
    static final class TimeAsText extends DelegatingDeserializer {

        TimeAsText(ValueDeserializer<?> standard) {
            super(standard);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
            return new TimeAsText(standard);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }

    /** A text without refused control characters ({@link ControlCharacters}). */
    static final class PrintableText extends DelegatingDeserializer {

        PrintableText(ValueDeserializer<?> standard) {
            super(standard);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
            return new PrintableText(standard);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object text = super.deserialize(parser, context);
            if (text instanceof String value && ControlCharacters.refused(value)) {
                throw InvalidFormatException.from(parser, "A control character in text", value, String.class);
            }
            return text;
        }
    }
}
