package dev.hermetic.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.io.CanonicalJson;
import dev.hermetic.lock.ArtifactCoordinates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TimeZone;
import java.util.TreeSet;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;

class CycloneDxSbomTest {

    private static final ArtifactCoordinates MODULE = jar("org.example", "app", "1.0");
    private static final ArtifactCoordinates GUAVA = jar("com.google.guava", "guava", "33.4.0-jre");
    private static final ArtifactCoordinates FAILUREACCESS = jar("com.google.guava", "failureaccess", "1.0.2");
    private static final ArtifactCoordinates JUNIT = jar("org.junit.jupiter", "junit-jupiter-api", "5.14.4");
    private static final ArtifactCoordinates TESTS = new ArtifactCoordinates("org.example", "lib", "1.0", "jar",
            "tests");

    private static ArtifactCoordinates jar(String groupId, String artifactId, String version) {
        return new ArtifactCoordinates(groupId, artifactId, version, "jar", "");
    }

    private static String hex(char c, DigestAlgorithm algorithm) {
        return String.valueOf(c).repeat(algorithm.hexLength());
    }

    private static final DeclaredLicense APACHE = new DeclaredLicense("Apache License, Version 2.0",
            "https://www.apache.org/licenses/LICENSE-2.0.txt");
    private static final DeclaredLicense EPL_BY_URL = new DeclaredLicense("EPL 2 (see the URL)",
            "https://www.eclipse.org/legal/epl-2.0");
    private static final DeclaredLicense EXTRA = new DeclaredLicense("Example Extra Terms",
            "https://example.org/terms");
    private static final DeclaredLicense UNKNOWN = new DeclaredLicense("Example Corp. In-House License",
            "${project.url}/LICENSE");

    private static SbomComponent component(ArtifactCoordinates c, String scope, char digit,
            DeclaredLicense... licenses) {
        return new SbomComponent(c, new TreeSet<>(List.of(scope)), Map.of(DigestAlgorithm.SHA_256,
                hex(digit, DigestAlgorithm.SHA_256)), List.of(licenses));
    }

    private static CycloneDxSbom sbom(List<SbomComponent> components, boolean withGraph) {
        return sbom(components, withGraph, Optional.empty());
    }

    private static CycloneDxSbom sbom(List<SbomComponent> components, boolean withGraph, Optional<Instant> timestamp) {
        SortedMap<ArtifactCoordinates, SortedSet<ArtifactCoordinates>> graph = new TreeMap<>();
        graph.put(MODULE, new TreeSet<>(List.of(GUAVA, JUNIT, TESTS)));
        graph.put(GUAVA, new TreeSet<>(List.of(FAILUREACCESS)));
        SbomComponent module = new SbomComponent(MODULE, new TreeSet<>(), Map.of(
                DigestAlgorithm.SHA_256, hex('a', DigestAlgorithm.SHA_256),
                DigestAlgorithm.SHA_512, hex('b', DigestAlgorithm.SHA_512)),
                List.of(new DeclaredLicense("MIT License", null)));
        return new CycloneDxSbom(module, components, withGraph ? Optional.of(graph) : Optional.empty(), "0.1.0",
                CycloneDxSbom.DependencySource.LOCKFILE, timestamp);
    }

    private static List<SbomComponent> components() {
        return List.of(
                component(JUNIT, "test", '3', EPL_BY_URL),
                component(GUAVA, "compile", '1', APACHE, EXTRA),
                new SbomComponent(FAILUREACCESS, new TreeSet<>(List.of("compile")), Map.of(
                        DigestAlgorithm.SHA_256, hex('2', DigestAlgorithm.SHA_256),
                        DigestAlgorithm.SHA_512, hex('4', DigestAlgorithm.SHA_512)), List.of()),
                new SbomComponent(TESTS, new TreeSet<>(List.of("provided")), Map.of(), List.of(UNKNOWN, APACHE)));
    }

    @Test
    void rendersTheGoldenFile() throws IOException {
        String json = new String(sbom(components(), true).toJson(), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(golden("app-1.0-cyclonedx.json"));
    }

    @Test
    void rendersTheXmlGoldenFile() throws IOException {
        String xml = new String(sbom(components(), true).toXml(), StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo(golden("app-1.0-cyclonedx.xml"));
    }

    @Test
    void aWarmUpRunningAlongsideLeavesTheBytesAsTheyWere() throws Exception {
        Thread warmUp = new Thread(() -> CycloneDxSbom.warmUp(true));
        warmUp.start();
        String json = new String(sbom(components(), true).toJson(), StandardCharsets.UTF_8);
        String xml = new String(sbom(components(), true).toXml(), StandardCharsets.UTF_8);
        warmUp.join();
        assertThat(json).isEqualTo(golden("app-1.0-cyclonedx.json"));
        assertThat(xml).isEqualTo(golden("app-1.0-cyclonedx.xml"));
        assertThat(new String(sbom(components(), true).toJson(), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void isValidCycloneDx16ByTheLibrarysOwnValidator() throws IOException {
        JsonParser parser = new JsonParser();
        assertThat(parser.validate(sbom(components(), true).toJson(), CycloneDxSbom.SPEC_VERSION)).isEmpty();
        assertThat(parser.validate(sbom(components(), false).toJson(), CycloneDxSbom.SPEC_VERSION)).isEmpty();
    }

    @Test
    void theSameInputInAnyOrderGivesTheSameBytes() {
        List<SbomComponent> shuffled = new ArrayList<>(components());
        Collections.reverse(shuffled);
        assertThat(sbom(shuffled, true).toJson()).isEqualTo(sbom(components(), true).toJson());
    }

    @Test
    void theSerialNumberFollowsTheContent() throws IOException {
        String first = serial(sbom(components(), true));
        assertThat(first).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(serial(sbom(components(), true))).isEqualTo(first);
        assertThat(serial(sbom(components().subList(0, 3), true))).isNotEqualTo(first);
    }

    @Test
    void hasNoTimestamp() throws IOException {
        assertThat(tree(sbom(components(), true)).path("metadata").has("timestamp")).isFalse();
    }

    @Test
    void aFixedTimeAskedForIsWrittenInUtcWhateverTheDefaultTimeZone() throws Exception {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            CycloneDxSbom sbom = sbom(components(), true, Optional.of(Instant.parse("2025-06-01T12:00:00Z")));
            assertThat(tree(sbom).path("metadata").path("timestamp").asText()).isEqualTo("2025-06-01T12:00:00Z");
            assertThat(new String(sbom.toXml(), StandardCharsets.UTF_8))
                    .contains("<timestamp>2025-06-01T12:00:00Z</timestamp>");
            assertThat(new JsonParser().validate(sbom.toJson(), CycloneDxSbom.SPEC_VERSION)).isEmpty();
            assertThat(serial(sbom)).isNotEqualTo(serial(sbom(components(), true)));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void withoutTheGraphOnlyTheModuleListsEveryComponent() throws IOException {
        JsonNode dependencies = tree(sbom(components(), false)).get("dependencies");
        assertThat(dependencies).hasSize(1);
        assertThat(dependencies.get(0).get("ref").asText()).isEqualTo("pkg:maven/org.example/app@1.0");
        assertThat(dependencies.get(0).get("dependsOn")).hasSize(4);
    }

    @Test
    void theModuleCarriesTheHashesOfItsOwnArtifact() throws IOException {
        JsonNode component = tree(sbom(components(), true)).path("metadata").path("component");
        assertThat(component.get("bom-ref").asText()).isEqualTo("pkg:maven/org.example/app@1.0");
        assertThat(component.get("hashes").get(0).get("content").asText())
                .isEqualTo(hex('a', DigestAlgorithm.SHA_256));
        assertThat(component.get("hashes").get(1).get("alg").asText()).isEqualTo("SHA-512");
    }

    @Test
    void scopesMapToCycloneDxs() throws IOException {
        JsonNode components = tree(sbom(components(), true)).get("components");
        Map<String, String> scopeByName = new TreeMap<>();
        components.forEach(c -> scopeByName.put(c.get("name").asText() + ":" + c.path("version").asText(),
                c.get("scope").asText()));
        assertThat(scopeByName).containsEntry("guava:33.4.0-jre", "required")
                .containsEntry("junit-jupiter-api:5.14.4", "excluded")
                .containsEntry("lib:1.0", "optional");
    }

    @Test
    void licensesAreSpdxIdsByNameThenByUrlElseAsDeclared() throws IOException {
        JsonNode root = tree(sbom(components(), true));
        Map<String, String> licensesByName = new TreeMap<>();
        root.get("components").forEach(c -> licensesByName.put(c.get("name").asText(),
                String.valueOf(c.get("licenses"))));
        // A common alias of an SPDX name: the id only (the library's alias list has no URLs); then one neither its
        // name nor its URL identifies: as declared.
        assertThat(licensesByName.get("guava")).isEqualTo("[{\"license\":{\"id\":\"Apache-2.0\"}},"
                + "{\"license\":{\"name\":\"Example Extra Terms\",\"url\":\"https://example.org/terms\"}}]");
        // An unknown name, an SPDX URL: the id, and the URL that matched.
        assertThat(licensesByName.get("junit-jupiter-api")).isEqualTo("[{\"license\":{\"id\":\"EPL-2.0\","
                + "\"url\":\"https://www.eclipse.org/legal/epl-2.0\"}}]");
        // Unknown, with an uninterpolated URL (left out), then a known one.
        assertThat(licensesByName.get("lib")).isEqualTo("[{\"license\":{\"name\":\"Example Corp. In-House License\"}},"
                + "{\"license\":{\"id\":\"Apache-2.0\"}}]");
        assertThat(licensesByName.get("failureaccess")).isEqualTo("null");
        // An SPDX name: the id and the list's URL.
        assertThat(root.path("metadata").path("component").path("licenses").toString())
                .isEqualTo("[{\"license\":{\"id\":\"MIT\",\"url\":\"https://opensource.org/license/mit/\"}}]");
    }

    @Test
    void xmlIsValidCycloneDx16WithTheJsonsSerialNumberAndComponents() throws Exception {
        CycloneDxSbom sbom = sbom(components(), true);
        byte[] xml = sbom.toXml();
        assertThat(new XmlParser().validate(xml, CycloneDxSbom.SPEC_VERSION)).isEmpty();
        Bom fromXml = new XmlParser().parse(xml);
        Bom fromJson = new JsonParser().parse(sbom.toJson());
        assertThat(fromXml.getSerialNumber()).isEqualTo(fromJson.getSerialNumber());
        assertThat(fromXml.getComponents()).extracting(c -> c.getPurl())
                .containsExactlyElementsOf(fromJson.getComponents().stream().map(c -> c.getPurl()).toList());
        assertThat(fromXml.getMetadata().getComponent().getHashes()).hasSize(2);
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("\n", "\r")
                .doesNotContain("timestamp");
    }

    @Test
    void xmlIsTheSameBytesForTheSameInputInAnyOrder() {
        List<SbomComponent> shuffled = new ArrayList<>(components());
        Collections.reverse(shuffled);
        assertThat(sbom(shuffled, true).toXml()).isEqualTo(sbom(components(), true).toXml());
    }

    private static String serial(CycloneDxSbom sbom) throws IOException {
        return tree(sbom).get("serialNumber").asText();
    }

    private static JsonNode tree(CycloneDxSbom sbom) throws IOException {
        return CanonicalJson.read(sbom.toJson(), "sbom");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CycloneDxSbomTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
