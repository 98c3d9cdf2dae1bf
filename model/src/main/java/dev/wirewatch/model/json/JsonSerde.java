package dev.wirewatch.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one record type, as JSON through {@link Json#mapper()}.
 *
 * <p>Thread safe. Deserializing bytes that are not a valid record throws {@link SerializationException} with the
 * reason; callers that must not stop route such records to the dead-letter topic instead.
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    /** Reads one record; throws {@link SerializationException} saying why the bytes are not a {@code T}. */
    public T read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    /** Writes one record as UTF-8 JSON. */
    public byte[] write(T value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> write(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> read(bytes);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
