package dev.hermetic.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryDepthAndWritesNoWhitespace() {
        ObjectNode inner = CanonicalJson.object().put("z", 1).put("a", 2);
        ObjectNode root = CanonicalJson.object();
        root.put("b", "x");
        root.set("a", CanonicalJson.array().add(inner).add(true).addNull());

        assertThat(CanonicalJson.writeString(root)).isEqualTo("{\"a\":[{\"a\":2,\"z\":1},true,null],\"b\":\"x\"}");
    }

    @Test
    void theSameEntriesInAnyInsertionOrderGiveTheSameBytes() {
        List<String> keys = new ArrayList<>(List.of("sha256", "sha512", "name", "uri", "digest", "é", "A", "_type"));
        byte[] first = null;
        Random random = new Random(16);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(keys, random);
            ObjectNode node = CanonicalJson.object();
            keys.forEach(key -> node.put(key, key.length()));
            byte[] bytes = CanonicalJson.write(node);
            if (first == null) {
                first = bytes;
            }
            assertThat(bytes).isEqualTo(first);
        }
    }

    @Test
    void keysAreOrderedByUtf16CodeUnitsAsRfc8785Says() {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FF21 by code unit (after it by code point).
        ObjectNode node = CanonicalJson.object().put("\uff21", 1).put("\ud83d\ude00", 2).put("\u00e9", 3).put("e", 4);

        assertThat(CanonicalJson.writeString(node)).isEqualTo("{\"e\":4,\"\u00e9\":3,\"\ud83d\ude00\":2,\"\uff21\":1}");
    }

    @Test
    void writesUtf8WithNonAsciiAsItselfAndEscapesOnlyWhatJsonRequires() {
        ObjectNode node = CanonicalJson.object().put("s", "caf\u00e9 \ud83d\ude00 \"q\" \\ / \n\t\u0001");

        byte[] bytes = CanonicalJson.write(node);

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"s\":\"caf\u00e9 \ud83d\ude00 \\\"q\\\" \\\\ / \\n\\t\\u0001\"}");
        assertThat(bytes).hasSize(40);
    }

    @Test
    void integersAndDecimalsHaveOneTextForm() {
        ObjectNode node = CanonicalJson.object()
                .put("int", -7)
                .put("long", 1L << 40)
                .put("big", new BigInteger("123456789012345678901234567890"))
                .put("decimal", new BigDecimal("1.500"))
                .put("integralDecimal", new BigDecimal("2.0E+3"))
                .put("small", new BigDecimal("1E-7"));

        assertThat(CanonicalJson.writeString(node)).isEqualTo("{\"big\":123456789012345678901234567890,"
                + "\"decimal\":1.5,\"int\":-7,\"integralDecimal\":2000,\"long\":1099511627776,\"small\":0.0000001}");
    }

    @Test
    void refusesBinaryFloatingPointNamingWhere() {
        ObjectNode node = CanonicalJson.object();
        node.set("report", CanonicalJson.object().put("ratio", 0.1));

        assertThatThrownBy(() -> CanonicalJson.write(node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.1")
                .hasMessageContaining("$.report.ratio")
                .hasMessageContaining("BigDecimal");
    }

    record Digest(String sha512, String sha256) {}

    record Subject(String name, Digest digest, List<String> tags) {}

    @Test
    void writesRecordsMapsAndListsWithSortedKeys() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("subject", List.of(new Subject("a.jar", new Digest("bb", "aa"), List.of("x", "y"))));
        map.put("count", 1);

        assertThat(new String(CanonicalJson.write(map), StandardCharsets.UTF_8)).isEqualTo(
                "{\"count\":1,\"subject\":[{\"digest\":{\"sha256\":\"aa\",\"sha512\":\"bb\"},\"name\":\"a.jar\","
                        + "\"tags\":[\"x\",\"y\"]}]}");
    }

    @Test
    void readingThenWritingGivesCanonicalBytes() throws IOException {
        String pretty = "{\n  \"b\" : [ 1, 2.50, \"\\u00e9\" ],\n  \"a\" : { \"y\" : null, \"x\" : false }\n}\n";

        JsonNode node = CanonicalJson.read(pretty.getBytes(StandardCharsets.UTF_8), "test input");

        String canonical = CanonicalJson.writeString(node);
        assertThat(canonical).isEqualTo("{\"a\":{\"x\":false,\"y\":null},\"b\":[1,2.5,\"\u00e9\"]}");
        assertThat(CanonicalJson.writeString(CanonicalJson.read(
                canonical.getBytes(StandardCharsets.UTF_8), "again"))).isEqualTo(canonical);
    }

    @Test
    void readRefusesDuplicateKeysNamingTheSource() {
        byte[] json = "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CanonicalJson.read(json, "provenance file x.intoto.jsonl"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("provenance file x.intoto.jsonl is not valid JSON")
                .hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void readRefusesTrailingContentAndEmptyInput() {
        assertThatThrownBy(() -> CanonicalJson.read("{} {}".getBytes(StandardCharsets.UTF_8), "input"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("input is not valid JSON");
        assertThatThrownBy(() -> CanonicalJson.read(new byte[0], "empty file"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("empty file");
    }
}
