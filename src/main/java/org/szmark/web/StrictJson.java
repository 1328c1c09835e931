package org.szmark.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;
import org.szmark.text.FreeText;
import org.szmark.text.TextRule;
import org.szmark.text.TextRule.Kind;

/**
 * Request bodies are read strictly: a number where text is expected, text where a number or boolean
 * is expected, a member given twice, or anything after the JSON value is refused rather than guessed at;
 * and text is refused when {@link TextRule} does not accept it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        // Bodies bound to records would otherwise fail on a repeated member with a definition error (a 500).
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("szmark-text").addDeserializer(String.class, new CheckedText(Kind.ONE_LINE)));
    }

    /**
     * Every text value of a request is checked against {@link TextRule} as it is read, so no refused character
     * reaches a service, the database (PostgreSQL cannot store U+0000) or a signature (a lone surrogate has no
     * UTF-8 form). Members marked {@link FreeText} are read as free text, all others as names, numbers and codes.
     */
    static final class CheckedText extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final Kind kind;

        CheckedText(Kind kind) {
            super(String.class);
            this.kind = kind;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctx, BeanProperty property) {
            Kind wanted = property != null && property.getAnnotation(FreeText.class) != null ? Kind.FREE_TEXT : Kind.ONE_LINE;
            return wanted == kind ? this : new CheckedText(wanted);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctx);
            if (s != null) {
                Optional<TextRule.Refusal> refusal = TextRule.check(s, kind);
                if (refusal.isPresent()) throw new RefusedText(p, refusal.get().message());
            }
            return s;
        }
    }

    /** A text value {@link TextRule} refuses; Jackson adds the path of its member as the error travels up. */
    static final class RefusedText extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        RefusedText(JsonParser p, String reason) {
            super(p, reason);
        }

        /** The rule's words, without the location Jackson appends to its messages. */
        String reason() {
            return getOriginalMessage();
        }
    }
}
