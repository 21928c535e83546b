package dev.hermetic.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ctc.wstx.stax.WstxOutputFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.hermetic.attest.MavenPurl;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.io.CanonicalJson;
import dev.hermetic.lock.ArtifactCoordinates;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.stream.XMLOutputFactory;
import org.cyclonedx.Version;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.generators.xml.BomXmlGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * The CycloneDX 1.6 SBOM of one module (docs/sbom.md), built with cyclonedx-core-java and written as canonical
 * JSON ({@link CanonicalJson}) or as XML: no timestamp unless asked for, components and graph sorted, and a
 * {@code serialNumber} derived from the rest of the content, so that the same input gives the same bytes.
 *
 * @param module the module's own artifact, with the digests of its (normalized) file
 * @param components the module's dependencies
 * @param graph each artifact's direct dependencies (the module's included), when the dependency graph is known;
 *     empty: only the module's own list, made of every component
 * @param toolVersion this plugin's version, for {@code metadata.tools}
 * @param dependencySource how the components' digests were obtained, for the {@code hermetic:dependencies} property
 * @param timestamp {@code metadata.timestamp} when the user asks for one: the build's fixed time, never the clock
 */
public record CycloneDxSbom(SbomComponent module, List<SbomComponent> components,
        Optional<SortedMap<ArtifactCoordinates, SortedSet<ArtifactCoordinates>>> graph, String toolVersion,
        DependencySource dependencySource, Optional<Instant> timestamp) {

    /** The specification version written. */
    public static final Version SPEC_VERSION = Version.VERSION_16;

    /** The name of the metadata property that says where the components' digests come from. */
    public static final String DEPENDENCIES_PROPERTY = "hermetic:dependencies";

    /** Where the components' digests come from. */
    public enum DependencySource {
        /** The lockfile, which {@code hermetic:verify} checked the build against: nothing was hashed twice. */
        LOCKFILE("verified against the lockfile"),
        /** The resolved files, hashed once by {@code hermetic:sbom}: not checked against any lockfile. */
        RESOLVED("resolved and hashed by hermetic:sbom, not verified against a lockfile");

        private final String description;

        DependencySource(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** RFC 4122's URL namespace: the serial number is a name-based (version 5) UUID of a URN in it. */
    private static final UUID NAMESPACE_URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private static final String TOOL_GROUP = "dev.hermetic";
    private static final String TOOL_NAME = "hermetic-maven-plugin";

    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();

    public CycloneDxSbom {
        components = List.copyOf(new TreeSet<>(components));
    }

    /**
     * Starts the first serialization with cyclonedx-core-java (of a small sample SBOM, also as XML when {@code xml})
     * on a daemon thread, once per class loader, and returns at once. That first serialization is most of what an SBOM
     * costs: Jackson builds its serializers by introspecting the library's model, loading several hundred classes. A
     * caller that knows early that it will write an SBOM calls this, so that the work runs beside its own on an idle
     * core; {@link #toJson()} then waits for what is still running rather than doing it again.
     */
    public static void warmUpInBackground(boolean xml) {
        if (WARM_UP_STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> warmUp(xml), "hermetic-sbom-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Serializes a sample with every model type this class writes; failures are left to the real serialization,
     * which reports them with the module's name.
     */
    static void warmUp(boolean xml) {
        try {
            ArtifactCoordinates module = new ArtifactCoordinates(TOOL_GROUP, "warm-up", "1", "jar", "");
            ArtifactCoordinates dependency = new ArtifactCoordinates(TOOL_GROUP, "warm-up-dependency", "1", "jar", "");
            Map<DigestAlgorithm, String> digests = new EnumMap<>(DigestAlgorithm.class);
            for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
                digests.put(algorithm, "0".repeat(algorithm.hexLength()));
            }
            SortedMap<ArtifactCoordinates, SortedSet<ArtifactCoordinates>> graph = new TreeMap<>();
            graph.put(module, new TreeSet<>(List.of(dependency)));
            CycloneDxSbom sample = new CycloneDxSbom(new SbomComponent(module, new TreeSet<>(), digests, List.of()),
                    List.of(new SbomComponent(dependency, new TreeSet<>(List.of("compile")), digests, List.of())),
                    Optional.of(graph), "1", DependencySource.LOCKFILE, Optional.empty());
            Bom bom = sample.toBom();
            // Licenses as resolved ones look, without asking the library's resolver (it reads the SPDX list).
            License license = new License();
            license.setId("Apache-2.0");
            license.setUrl("https://www.apache.org/licenses/LICENSE-2.0");
            LicenseChoice licenses = new LicenseChoice();
            licenses.addLicense(license);
            bom.getComponents().get(0).setLicenses(licenses);
            CanonicalJson.write(new SharedMapperJsonGenerator(bom).tree(sample.module()));
            if (xml) {
                new WoodstoxXmlGenerator(bom).toCompactXml();
            }
        } catch (JsonProcessingException | RuntimeException | LinkageError e) {
            // A warm-up only: the SBOM's own serialization does the same work and reports what fails.
        }
    }

    /** The SBOM's bytes: canonical JSON, UTF-8, without a trailing newline. */
    public byte[] toJson() {
        ObjectNode tree = new SharedMapperJsonGenerator(toBom()).tree(module);
        // Canonical JSON sorts keys: the serial number added to the tree lands where the library's own would.
        tree.put("serialNumber", serialNumber(CanonicalJson.write(tree)));
        return CanonicalJson.write(tree);
    }

    /**
     * The same SBOM as XML (the same {@code serialNumber}: it is derived from the JSON form), UTF-8, on one line after
     * the XML declaration: the library's indentation would use the platform's line separator.
     */
    public byte[] toXml() {
        Bom bom = toBom();
        bom.setSerialNumber(serialNumber(CanonicalJson.write(new SharedMapperJsonGenerator(bom).tree(module))));
        try {
            return new WoodstoxXmlGenerator(bom).toCompactXml().getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cyclonedx-core-java cannot write the SBOM of " + module.coordinates()
                    + " as XML: " + e.getMessage(), e);
        }
    }

    /**
     * cyclonedx-core-java's JSON generator, serializing with the first one's mapper for every module of the JVM: the
     * library configures each generator's mapper alike (from the spec version alone), and a mapper builds its
     * serializers of the model once, the costly part of a serialization. The library's serialization also adds a
     * mix-in to the mapper each time, so serializations take turns.
     */
    private static final class SharedMapperJsonGenerator extends BomJsonGenerator {
        private static ObjectMapper shared;

        SharedMapperJsonGenerator(Bom bom) {
            super(bom, SPEC_VERSION);
            synchronized (SharedMapperJsonGenerator.class) {
                if (shared == null) {
                    shared = mapper;
                } else {
                    mapper = shared;
                }
            }
        }

        ObjectNode tree(SbomComponent module) {
            JsonNode tree;
            synchronized (SharedMapperJsonGenerator.class) {
                tree = toJsonNode();
            }
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalStateException("cyclonedx-core-java cannot write the SBOM of " + module.coordinates()
                        + " as JSON");
            }
            return object;
        }
    }

    /**
     * cyclonedx-core-java's XML generator, writing through Woodstox (the StAX implementation it comes with), named
     * here: the factory Jackson looked up when the generator was made is replaced, so the bytes never depend on what a
     * lookup finds (the plugin jar leaves out Woodstox's service files, so that an extension realm that sees the
     * plugin does not hand Woodstox to everything that looks StAX up). The JDK's own writer, in the repairing mode
     * Jackson asks for, declares {@code xmlns} twice and invents random namespace prefixes.
     */
    private static final class WoodstoxXmlGenerator extends BomXmlGenerator {
        WoodstoxXmlGenerator(Bom bom) {
            super(bom, SPEC_VERSION);
            XMLOutputFactory woodstox = new WstxOutputFactory();
            woodstox.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, Boolean.TRUE);
            ((XmlMapper) mapper).getFactory().setXMLOutputFactory(woodstox);
        }

        /** As the library's {@code toXmlString()}, without its indentation. */
        String toCompactXml() throws JsonProcessingException {
            return PROLOG + mapper.writeValueAsString(bom);
        }
    }

    /**
     * {@code urn:uuid:} of a version 5 UUID (RFC 4122 name-based) whose name is
     * {@code urn:dev.hermetic:sbom:sha256:<SHA-256 of the canonical SBOM without its serialNumber>}: the same
     * content always gets the same serial number, a different content a different one.
     */
    static String serialNumber(byte[] canonicalWithoutSerial) {
        String name = "urn:dev.hermetic:sbom:sha256:"
                + MultiDigest.of(canonicalWithoutSerial, EnumSet.of(DigestAlgorithm.SHA_256)).hex(DigestAlgorithm.SHA_256);
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE_URL.getMostSignificantBits())
                .putLong(NAMESPACE_URL.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return "urn:uuid:" + new UUID(bits.getLong(), bits.getLong());
    }

    private Bom toBom() {
        Bom bom = new Bom();
        Metadata metadata = new Metadata();
        // The library stamps the current time: a rebuild would differ.
        metadata.setTimestamp(timestamp.map(Date::from).orElse(null));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setGroup(TOOL_GROUP);
        tool.setName(TOOL_NAME);
        tool.setVersion(toolVersion);
        tool.setPurl(MavenPurl.of(new ArtifactCoordinates(TOOL_GROUP, TOOL_NAME, toolVersion, "jar", "")));
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setComponent(component(module));
        metadata.setProperties(List.of(new Property(DEPENDENCIES_PROPERTY, dependencySource.description())));
        bom.setMetadata(metadata);

        List<Component> list = new ArrayList<>();
        for (SbomComponent c : components) {
            list.add(component(c));
        }
        bom.setComponents(list);
        bom.setDependencies(dependencies());
        return bom;
    }

    /** Every component's entry, the module's first; sorted by coordinates, their {@code dependsOn} too. */
    private List<Dependency> dependencies() {
        Map<ArtifactCoordinates, SortedSet<ArtifactCoordinates>> edges = new HashMap<>();
        if (graph.isPresent()) {
            edges.putAll(graph.get());
        } else {
            SortedSet<ArtifactCoordinates> all = new TreeSet<>();
            components.forEach(c -> all.add(c.coordinates()));
            edges.put(module.coordinates(), all);
        }
        List<Dependency> dependencies = new ArrayList<>();
        dependencies.add(dependency(module.coordinates(), edges));
        if (graph.isPresent()) {
            SortedMap<ArtifactCoordinates, Boolean> known = new TreeMap<>();
            components.forEach(c -> known.put(c.coordinates(), Boolean.TRUE));
            for (ArtifactCoordinates c : known.keySet()) {
                dependencies.add(dependency(c, edges));
            }
        }
        return dependencies;
    }

    private Dependency dependency(ArtifactCoordinates from,
            Map<ArtifactCoordinates, SortedSet<ArtifactCoordinates>> edges) {
        Dependency dependency = new Dependency(MavenPurl.of(from));
        for (ArtifactCoordinates to : edges.getOrDefault(from, new TreeSet<>())) {
            dependency.addDependency(new Dependency(MavenPurl.of(to)));
        }
        return dependency;
    }

    private static Component component(SbomComponent c) {
        ArtifactCoordinates coordinates = c.coordinates();
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setGroup(coordinates.groupId());
        component.setName(coordinates.artifactId());
        component.setVersion(coordinates.version());
        String purl = MavenPurl.of(coordinates);
        component.setPurl(purl);
        component.setBomRef(purl);
        if (!c.scopes().isEmpty()) {
            component.setScope(scope(c.scopes()));
            component.setProperties(List.of(new Property("hermetic:maven:scope", String.join(",", c.scopes()))));
        }
        List<Hash> hashes = new ArrayList<>();
        c.digests().forEach((algorithm, hex) -> hashes.add(new Hash(algorithm == DigestAlgorithm.SHA_256
                ? Hash.Algorithm.SHA_256 : Hash.Algorithm.SHA_512, hex)));
        if (!hashes.isEmpty()) {
            component.setHashes(hashes);
        }
        SbomLicenses.of(c.licenses()).ifPresent(component::setLicenses);
        return component;
    }

    /**
     * {@code required} when the module needs it at run time (compile, runtime), {@code excluded} when only its tests
     * use it, else (provided, system) {@code optional}.
     */
    private static Component.Scope scope(SortedSet<String> mavenScopes) {
        if (mavenScopes.contains("compile") || mavenScopes.contains("runtime")) {
            return Component.Scope.REQUIRED;
        }
        return mavenScopes.equals(new TreeSet<>(List.of("test"))) ? Component.Scope.EXCLUDED
                : Component.Scope.OPTIONAL;
    }
}
