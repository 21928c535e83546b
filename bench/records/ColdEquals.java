import dev.hermetic.archive.NormalizationOptions;
import dev.hermetic.lock.ArtifactCoordinates;
import dev.hermetic.maven.NormalizationLedger;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The first equals and hashCode of NormalizationLedger.Settings in a fresh JVM: the class's written-out methods
 * ("written") against the same record with the generated ones ("generated"). With a second argument "warm-records",
 * another record's generated equals and hashCode run first (as when some other record was compared earlier in the
 * build). With a last argument "coordinates", the record timed is ArtifactCoordinates instead of Settings. Prints
 * the microseconds of that first call.
 */
public class ColdEquals {
    record GeneratedSettings(NormalizationOptions options, Set<String> excludedClassifiers) {}

    record Other(String name, long value) {}

    record GeneratedCoordinates(String groupId, String artifactId, String version, String extension,
            String classifier) {}

    public static void main(String[] args) {
        // Maven's JVM has run lambdas and method references before any mojo: LambdaMetafactory is not what is timed.
        Supplier<String> lambda = () -> "x";
        Runnable reference = ColdEquals::noop;
        reference.run();
        lambda.get();
        if (args.length > 1 && args[1].equals("warm-records")) {
            new Other("a", 1).equals(new Other("a", 1));
            new Other("a", 1).hashCode();
        }
        NormalizationOptions options = NormalizationOptions.defaults(1748779200L);
        NormalizationOptions same = NormalizationOptions.defaults(1748779200L);
        Object a;
        Object b;
        boolean coordinates = args[args.length - 1].equals("coordinates");
        if (coordinates && args[0].equals("written")) {
            a = new ArtifactCoordinates("org.example", "lib", "1.0", "jar", "");
            b = new ArtifactCoordinates(new String("org.example"), "lib", "1.0", "jar", "");
        } else if (coordinates) {
            a = new GeneratedCoordinates("org.example", "lib", "1.0", "jar", "");
            b = new GeneratedCoordinates(new String("org.example"), "lib", "1.0", "jar", "");
        } else if (args[0].equals("written")) {
            a = new NormalizationLedger.Settings(options, Set.of("sources"));
            b = new NormalizationLedger.Settings(same, Set.of("sources"));
        } else {
            a = new GeneratedSettings(options, Set.of("sources"));
            b = new GeneratedSettings(same, Set.of("sources"));
        }
        long start = System.nanoTime();
        boolean equal = a.equals(b) && a.hashCode() == b.hashCode();
        long micros = (System.nanoTime() - start) / 1000;
        if (!equal) {
            throw new AssertionError("equal settings compared unequal");
        }
        System.out.println(micros);
    }

    private static void noop() {}
}
