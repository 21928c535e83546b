package dev.hermetic.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The one writer of the JSON this project emits (provenance, reports), and its strict reader. Canonical: object keys
 * sorted by UTF-16 code units (as RFC 8785 sorts them), no insignificant whitespace, UTF-8 with non-ASCII characters
 * written as themselves, no trailing newline; the same value gives the same bytes on every JDK and in every locale.
 *
 * <p>Numbers are integers, or {@link BigDecimal}s written in plain notation without trailing zeros. Binary floating
 * point ({@code double}, {@code float}) is refused: its text form changed between JDK releases (JDK-4511638), so
 * pass a {@code BigDecimal}, a string, or an integer of smaller units (milliseconds, bytes).
 */
public final class CanonicalJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Characters outside the BMP as their UTF-8 bytes, not as escaped surrogate pairs (Jackson's default). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads strictly: duplicate keys and anything after the value are errors; decimals stay exact. In a holder, so
     * writing a tree built with {@link #object()} never pays for building a mapper (a large part of a cold JVM's
     * second).
     */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .nodeFactory(NODES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    private CanonicalJson() {}

    /** A new, empty object to fill. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new, empty array to fill. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The canonical bytes of a tree. */
    public static byte[] write(JsonNode value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
            write(value, generator, "$");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON to memory", e);
        }
        return bytes.toByteArray();
    }

    /** The canonical text of a tree, as {@link #write(JsonNode)} encodes it. */
    public static String writeString(JsonNode value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /**
     * The canonical bytes of a record, map, list, string, boolean, integer or {@code BigDecimal}, converted as Jackson
     * converts it ({@code null} components are written as {@code null}).
     */
    public static byte[] write(Object value) {
        return write(toTree(value));
    }

    /** {@code value} as a tree, as {@link #write(Object)} sees it. */
    public static JsonNode toTree(Object value) {
        return value instanceof JsonNode node ? node : Mapper.MAPPER.valueToTree(value);
    }

    /**
     * Parses one JSON value.
     *
     * @param what the source, for messages ("provenance file target/x.intoto.jsonl")
     * @throws IOException naming {@code what}, the line and column, and what is wrong
     */
    public static JsonNode read(byte[] json, String what) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonNode node = Mapper.MAPPER.readTree(parser);
            if (node == null) {
                throw new IOException(what + " holds no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IOException(what + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    private static void write(JsonNode node, JsonGenerator out, String path) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                // String order is UTF-16 code-unit order, which RFC 8785 prescribes.
                names.sort(null);
                out.writeStartObject();
                for (String name : names) {
                    out.writeFieldName(name);
                    write(node.get(name), out, path + "." + name);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                int index = 0;
                for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); index++) {
                    write(elements.next(), out, path + "[" + index + "]");
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            case NUMBER -> writeNumber(node, out, path);
            default -> throw new IllegalArgumentException("Canonical JSON cannot hold the " + node.getNodeType()
                    + " value at " + path + ": use a string, number, boolean, null, object or array");
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator out, String path) throws IOException {
        if (node.isIntegralNumber()) {
            out.writeNumber(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            out.writeNumber(value.scale() <= 0 ? value.toBigIntegerExact().toString() : value.toPlainString());
        } else {
            throw new IllegalArgumentException("Canonical JSON refuses the floating-point number " + node.asText()
                    + " at " + path + ": its text form differs between JDK releases; pass a BigDecimal, a string or"
                    + " an integer of smaller units");
        }
    }
}
