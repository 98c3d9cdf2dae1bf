package dev.wirewatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;

/**
 * A sink's digest: either a period ({@code digest: PT15M}, one message per window of every topic) or a time of day
 * ({@code digest: {at: "08:00", zone: "Asia/Ho_Chi_Minh"}}, daily; with {@code on: MON}, weekly), when one message
 * carries everything since the previous digest, grouped by topic and story.
 *
 * <p>Immutable; the values are checked by validation ({@link SinkSchedule} reads them). Exactly one of
 * {@code every} and {@code at} is set after validation.
 */
@JsonDeserialize(using = DigestSettings.Reader.class)
public record DigestSettings(String every, String at, String zone, String on) {

    /** Reads the scalar (a period) and the object form. */
    static final class Reader extends JsonDeserializer<DigestSettings> {
        @Override
        public DigestSettings deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new DigestSettings(p.getText(), null, null, null);
            }
            JsonNode node = p.readValueAsTree();
            if (!node.isObject()) {
                return (DigestSettings) ctx.handleUnexpectedToken(DigestSettings.class, p);
            }
            return new DigestSettings(text(node, "every"), text(node, "at"), text(node, "zone"), text(node, "on"));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
