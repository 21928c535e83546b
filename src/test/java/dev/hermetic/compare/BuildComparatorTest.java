package dev.hermetic.compare;

import static dev.hermetic.compare.TestArchives.entry;
import static dev.hermetic.compare.TestArchives.write;
import static dev.hermetic.compare.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermetic.buildinfo.Buildinfo;
import dev.hermetic.compare.FileComparison.Verdict;
import dev.hermetic.compare.TestArchives.TarEntry;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import dev.hermetic.digest.HexDigests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildComparatorTest {

    @TempDir
    Path dir;

    private FileComparison compare(byte[] reference, byte[] actual) throws IOException {
        return compare("a.jar", reference, actual);
    }

    private FileComparison compare(String name, byte[] reference, byte[] actual) throws IOException {
        Path r = write(dir, "reference/" + name, reference);
        Path a = write(dir, "actual/" + name, actual);
        CompareReport report = new BuildComparator(CauseTable.builtIn(), List.of(), dir).compare(r, a);
        assertThat(report.files()).hasSize(1);
        return report.files().get(0);
    }

    private static Difference only(FileComparison file) {
        assertThat(file.differences()).as("differences of %s", file.path()).hasSize(1);
        return file.differences().get(0);
    }

    @Test
    void sameBytesAreIdentical() throws IOException {
        byte[] jar = zip(entry("a.txt", "a"));
        FileComparison file = compare(jar, jar.clone());
        assertThat(file.verdict()).isEqualTo(Verdict.IDENTICAL);
        assertThat(file.referenceSha256()).isEqualTo(file.actualSha256()).hasSize(64);
    }

    @Test
    void timestampsAreNamedWithBothValuesAndTheOutputTimestampFix() throws IOException {
        FileComparison file = compare(
                zip(entry("a.txt", "a").time(1_700_000_000_000L), entry("b.txt", "b").time(1_700_000_000_000L)),
                zip(entry("a.txt", "a").time(1_800_000_000_000L), entry("b.txt", "b").time(1_700_000_000_000L)));

        assertThat(file.verdict()).isEqualTo(Verdict.DIFFERENT);
        Difference d = file.differences().get(0);
        assertThat(d.entry()).isEqualTo("a.txt");
        assertThat(d.kind()).isEqualTo(DifferenceKind.TIMESTAMP);
        assertThat(d.reference()).startsWith("2023-11-");
        assertThat(d.actual()).startsWith("2027-01-");
        assertThat(d.cause().id()).isEqualTo("timestamps");
        assertThat(d.cause().fix()).contains("project.build.outputTimestamp").contains("hermetic:normalize");
        assertThat(file.differences()).allMatch(x -> x.entry().equals("a.txt") && x.kind() == DifferenceKind.TIMESTAMP);
    }

    @Test
    void sameContentCompressedOtherwiseIsCompressionOnly() throws IOException {
        byte[] text = "hello hello hello hello hello world, again and again and again\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        FileComparison levels = compare(zip(entry("a.txt", text).level(1)), zip(entry("a.txt", text).level(9)));
        Difference d = only(levels);
        assertThat(d.kind()).isEqualTo(DifferenceKind.COMPRESSION);
        assertThat(d.what()).isEqualTo("compressed bytes only (same content)");
        assertThat(d.cause().fix()).contains("portable");

        FileComparison method = compare(zip(entry("a.txt", text).stored()), zip(entry("a.txt", text)));
        assertThat(method.differences()).anySatisfy(m -> {
            assertThat(m.what()).isEqualTo("compression method");
            assertThat(m.reference()).startsWith("stored, ");
            assertThat(m.actual()).startsWith("deflated, ");
        });
        assertThat(method.differences()).anySatisfy(zip64 -> {
            assertThat(zip64.kind()).as("commons-compress adds zip64 to deflated entries only").isEqualTo(DifferenceKind.EXTRA_FIELDS);
            assertThat(zip64.reference()).isEqualTo("none");
            assertThat(zip64.actual()).isEqualTo("0x0001 (zip64)");
        });
    }

    @Test
    void permissionsPointAtTheUmask() throws IOException {
        Difference d = only(compare(zip(entry("a.txt", "a").mode(0100644)), zip(entry("a.txt", "a").mode(0100600))));
        assertThat(d.kind()).isEqualTo(DifferenceKind.PERMISSIONS);
        assertThat(d.reference()).isEqualTo("unix mode 100644, made by unix");
        assertThat(d.actual()).isEqualTo("unix mode 100600, made by unix");
        assertThat(d.cause().id()).isEqualTo("umask");
        assertThat(d.cause().explanation()).contains("unix mode 100644").contains("unix mode 100600");
    }

    @Test
    void entriesOnOneSideAndOrder() throws IOException {
        FileComparison file = compare(
                zip(entry("a.txt", "a"), entry("b.txt", "b"), entry("gone.txt", "x")),
                zip(entry("b.txt", "b"), entry("a.txt", "a"), entry("new.txt", "yy")));
        assertThat(file.differences()).extracting(Difference::entry, Difference::kind, Difference::reference, Difference::actual)
                .containsExactly(
                        tuple("gone.txt", DifferenceKind.ONLY_IN_REFERENCE, "1 bytes", null),
                        tuple("new.txt", DifferenceKind.ONLY_IN_ACTUAL, null, "2 bytes"),
                        tuple("", DifferenceKind.ORDER, "a.txt", "b.txt"));
    }

    @Test
    void manifestAttributesByNameWithTheJdkCause() throws IOException {
        String manifest = "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.2\r\nBuild-Jdk-Spec: %s\r\n"
                + "Implementation-Title: a very long title that the manifest writer has to wrap because a line hold\r\n s at most 72 bytes\r\n\r\n";
        FileComparison file = compare(zip(entry("META-INF/MANIFEST.MF", manifest.formatted("21"))),
                zip(entry("META-INF/MANIFEST.MF", manifest.formatted("17"))));
        Difference d = only(file);
        assertThat(d.kind()).isEqualTo(DifferenceKind.MANIFEST);
        assertThat(d.what()).isEqualTo("attribute Build-Jdk-Spec");
        assertThat(d.reference()).isEqualTo("21");
        assertThat(d.actual()).isEqualTo("17");
        assertThat(d.cause().explanation()).isEqualTo("the reference was built with JDK 21, this build with JDK 17");
        assertThat(d.cause().fix()).startsWith("rebuild with JDK 21").contains("maven.compiler.release");
    }

    @Test
    void propertiesByKey() throws IOException {
        FileComparison file = compare(zip(entry("x.properties", "a=1\nb=2\nc=3\n")),
                zip(entry("x.properties", "c=3\na=1\nb=two\nd=4\n")));
        assertThat(file.differences()).extracting(Difference::what, Difference::reference, Difference::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("key b", "2", "two"),
                        tuple("key d", null, "4"));
    }

    @Test
    void propertiesWithADateCommentAreTextWithTheBuildClockCause() throws IOException {
        FileComparison file = compare(
                zip(entry("META-INF/maven/g/a/pom.properties", "#Generated by Maven\n#Tue Nov 25 10:00:00 UTC 2025\nversion=1\n")),
                zip(entry("META-INF/maven/g/a/pom.properties", "#Generated by Maven\n#Sat Dec 06 09:12:44 CET 2026\nversion=1\n")));
        Difference d = only(file);
        assertThat(d.kind()).isEqualTo(DifferenceKind.TEXT);
        assertThat(d.what()).isEqualTo("line 2");
        assertThat(d.cause().id()).isEqualTo("build-clock-date");
    }

    @Test
    void aNoticeYearStampedByTheBuildClock() throws IOException {
        String notice = "Apache Foo\nCopyright 2002-%s The Apache Software Foundation\n\nThis product includes software\n";
        FileComparison file = compare(zip(entry("META-INF/NOTICE", notice.formatted("2026"))),
                zip(entry("META-INF/NOTICE", notice.formatted("2031"))));
        Difference d = only(file);
        assertThat(d.entry()).isEqualTo("META-INF/NOTICE");
        assertThat(d.what()).isEqualTo("line 2");
        assertThat(d.reference()).isEqualTo("Copyright 2002-2026 The Apache Software Foundation");
        assertThat(d.actual()).isEqualTo("Copyright 2002-2031 The Apache Software Foundation");
        assertThat(d.cause().id()).isEqualTo("build-clock-year");
        assertThat(d.cause().explanation()).contains("clock").contains("maven-remote-resources-plugin");
        assertThat(d.excerpt()).isEqualTo("""
                --- reference/NOTICE
                +++ actual/NOTICE
                @@ -1,4 +1,4 @@
                 Apache Foo
                -Copyright 2002-2026 The Apache Software Foundation
                +Copyright 2002-2031 The Apache Software Foundation
                \s
                 This product includes software
                """);
    }

    @Test
    void lineEndingsPointAtGitattributes() throws IOException {
        Difference d = only(compare(zip(entry("a.txt", "one\r\ntwo\r\n")), zip(entry("a.txt", "one\ntwo\n"))));
        assertThat(d.what()).isEqualTo("line endings");
        assertThat(d.reference()).isEqualTo("CRLF");
        assertThat(d.actual()).isEqualTo("LF");
        assertThat(d.cause().fix()).contains(".gitattributes");
    }

    @Test
    void classFilesByVersionMembersAndStrings() throws IOException {
        Map<String, byte[]> v11 = TestArchives.compile(dir, "A", "class A { int x; void m() { System.out.println(\"one\"); } }", "11");
        Map<String, byte[]> v17 = TestArchives.compile(dir, "A",
                "class A { int x; long y; void m() { System.out.println(\"two\"); } void n() {} }", "17");
        FileComparison file = compare(zip(entry("A.class", v11.get("A.class"))), zip(entry("A.class", v17.get("A.class"))));

        assertThat(file.differences()).extracting(Difference::what, Difference::reference, Difference::actual).contains(
                tuple("class file version", "Java 11 (55.0)", "Java 17 (61.0)"),
                tuple("fields (only in the reference / only here)", "none", "\"y J\""),
                tuple("methods (only in the reference / only here)", "none", "\"n ()V\""));
        assertThat(file.differences()).anySatisfy(d -> {
            assertThat(d.what()).isEqualTo("method m ()V: flags, code or attributes differ");
        });
        assertThat(file.differences()).anySatisfy(d -> {
            assertThat(d.what()).startsWith("constant-pool strings");
            assertThat(d.reference()).contains("\"one\"");
            assertThat(d.actual()).contains("\"two\"").contains("\"y\"");
        });
        Difference version = file.differences().get(0);
        assertThat(version.cause().id()).isEqualTo("class-file-version");
        assertThat(version.cause().explanation()).contains("Java 11 (55.0)").contains("Java 17 (61.0)");
    }

    @Test
    void classDifferencesInAJarBuiltWithAnotherJdkAreCreditedToThatJdk() throws IOException {
        String manifest = "Manifest-Version: 1.0\r\nBuild-Jdk-Spec: %s\r\n\r\n";
        byte[] one = TestArchives.compile(dir, "A", "class A { void m() { System.out.println(\"one\"); } }", "17").get("A.class");
        byte[] two = TestArchives.compile(dir, "A", "class A { void m() { System.out.println(\"two\"); } }", "17").get("A.class");

        FileComparison otherJdk = compare(zip(entry("META-INF/MANIFEST.MF", manifest.formatted("21")), entry("A.class", one)),
                zip(entry("META-INF/MANIFEST.MF", manifest.formatted("17")), entry("A.class", two)));
        assertThat(otherJdk.differences()).filteredOn(d -> d.kind() == DifferenceKind.CLASS_FILE).isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d.cause().id()).isEqualTo("build-jdk-bytecode");
                    assertThat(d.cause().fix()).contains("JDK");
                });
        // Manifest last: the credit does not depend on which entry comes first.
        FileComparison manifestLast = compare(zip(entry("A.class", one), entry("META-INF/MANIFEST.MF", manifest.formatted("21"))),
                zip(entry("A.class", two), entry("META-INF/MANIFEST.MF", manifest.formatted("17"))));
        assertThat(manifestLast.differences()).filteredOn(d -> d.kind() == DifferenceKind.CLASS_FILE).isNotEmpty()
                .allSatisfy(d -> assertThat(d.cause().id()).isEqualTo("build-jdk-bytecode"));

        FileComparison sameJdk = compare(zip(entry("META-INF/MANIFEST.MF", manifest.formatted("17")), entry("A.class", one)),
                zip(entry("META-INF/MANIFEST.MF", manifest.formatted("17")), entry("A.class", two)));
        assertThat(sameJdk.differences()).isNotEmpty().noneSatisfy(d -> assertThat(d.cause().id()).isEqualTo("build-jdk-bytecode"));
    }

    @Test
    void aMalformedClassIsBinaryNeverAnException() throws IOException {
        byte[] good = TestArchives.compile(dir, "B", "class B { }", "17").get("B.class");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] badTag = good.clone();
        badTag[10] = 99; // the first constant's tag
        for (byte[] bad : List.of(truncated, badTag, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})) {
            Difference d = only(compare(zip(entry("B.class", good)), zip(entry("B.class", bad))));
            assertThat(d.kind()).isEqualTo(DifferenceKind.BINARY);
            assertThat(d.what()).startsWith("class bytes differ; malformed class file").contains("first differing byte at offset");
        }
    }

    @Test
    void otherBinariesBySizeAndFirstDifferingByte() throws IOException {
        byte[] a = new byte[1000];
        new Random(1).nextBytes(a);
        byte[] b = a.clone();
        b[700] ^= 1;
        Difference d = only(compare(zip(entry("x.bin", a)), zip(entry("x.bin", b))));
        assertThat(d.kind()).isEqualTo(DifferenceKind.BINARY);
        assertThat(d.what()).isEqualTo("content (first differing byte at offset 700)");
        assertThat(d.reference()).isEqualTo("1000 bytes");
    }

    @Test
    void entriesLargerThanMemoryAreComparedThroughFiles() throws IOException {
        byte[] a = new byte[ArchiveComparator.IN_MEMORY + 1000];
        new Random(2).nextBytes(a);
        byte[] b = a.clone();
        b[ArchiveComparator.IN_MEMORY + 10] ^= 1;
        Difference d = only(compare(zip(entry("big.bin", a).stored()), zip(entry("big.bin", b).stored())));
        assertThat(d.what()).isEqualTo("content (first differing byte at offset " + (ArchiveComparator.IN_MEMORY + 10) + ")");
        assertThat(dir.toFile().list((d1, n) -> n.startsWith(".hermetic-compare-"))).as("spilled files are deleted").isEmpty();
    }

    @Test
    void nestedArchivesAreComparedRecursively() throws IOException {
        byte[] innerA = zip(entry("x.txt", "one\n"), entry("y.txt", "same\n"));
        byte[] innerB = zip(entry("x.txt", "two\n"), entry("y.txt", "same\n"));
        FileComparison file = compare("a.war", zip(entry("WEB-INF/lib/inner.jar", innerA).stored()),
                zip(entry("WEB-INF/lib/inner.jar", innerB).stored()));
        Difference d = only(file);
        assertThat(d.entry()).isEqualTo("WEB-INF/lib/inner.jar!/x.txt");
        assertThat(d.reference()).isEqualTo("one");
        assertThat(d.actual()).isEqualTo("two");
    }

    @Test
    void aNestedArchiveThatDoesNotReadIsComparedByItsBytes() throws IOException {
        byte[] inner = zip(entry("x.txt", "one\n"));
        byte[] truncated = java.util.Arrays.copyOf(inner, inner.length - 10);
        FileComparison file = compare("a.war", zip(entry("WEB-INF/lib/inner.jar", inner).stored()),
                zip(entry("WEB-INF/lib/inner.jar", truncated).stored()));
        assertThat(file.verdict()).isEqualTo(Verdict.DIFFERENT);
        Difference d = only(file);
        assertThat(d.entry()).isEqualTo("WEB-INF/lib/inner.jar");
        assertThat(d.kind()).isEqualTo(DifferenceKind.BINARY);
        assertThat(d.what()).startsWith("nested archive that cannot be read (").contains("truncated or corrupt");
    }

    @Test
    void tarsByMtimeModeOwnerAndContent() throws IOException {
        TarEntry a = TarEntry.of("bin/run.sh", "echo 1\n").mode(0755);
        TarEntry b = TarEntry.of("README", "hello\n");
        FileComparison tar = compare("d.tar", TestArchives.tar(a, b),
                TestArchives.tar(a.mode(0700).owner(1000, "builder"), b.time(1_800_000_000_000L)));
        assertThat(tar.differences()).extracting(Difference::entry, Difference::kind, Difference::reference, Difference::actual)
                .containsExactly(
                        tuple("bin/run.sh", DifferenceKind.PERMISSIONS, "100755", "100700"),
                        tuple("bin/run.sh", DifferenceKind.OWNER, "0:0 (:)", "1000:0 (builder:)"),
                        tuple("README", DifferenceKind.TIMESTAMP, "2023-11-14T22:13:20Z", "2027-01-15T08:00:00Z"));

        FileComparison gz = compare("d.tar.gz", TestArchives.tarGz(a, b), TestArchives.tarGz(a, TarEntry.of("README", "bye\n")));
        Difference d = only(gz);
        assertThat(d.entry()).isEqualTo("README");
        assertThat(d.what()).isEqualTo("line 1");
    }

    @Test
    void aZipBombIsAnErrorNamingTheEntry() throws IOException {
        byte[] zeros = new byte[20 * 1024 * 1024];
        byte[] other = zeros.clone();
        other[other.length - 1] = 1;
        FileComparison file = compare(zip(entry("bomb.bin", zeros).level(9)), zip(entry("bomb.bin", other).level(9)));
        assertThat(file.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(file.error()).contains("bomb.bin").contains("zip bomb");
    }

    @Test
    void aTruncatedArchiveIsAnErrorNamingTheFile() throws IOException {
        byte[] jar = zip(entry("a.txt", "a"), entry("b.txt", "b"));
        FileComparison file = compare(jar, java.util.Arrays.copyOf(jar, jar.length - 30));
        assertThat(file.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(file.error()).contains("actual").contains("a.jar").contains("truncated or corrupt");
    }

    @Test
    void aDigestManifestComparesChecksumsOnlyAndSaysSo() throws IOException {
        Path same = write(dir, "actual/a-1.0.jar", zip(entry("a.txt", "a")));
        Path changed = write(dir, "actual/a-1.0.pom", "<project/>".getBytes(StandardCharsets.UTF_8));
        Path extra = write(dir, "actual/a-1.0-sources.jar", zip(entry("A.java", "class A {}")));
        Path signature = write(dir, "actual/a-1.0.jar.asc", "sig".getBytes(StandardCharsets.UTF_8));
        DigestManifest manifest = DigestManifest.of(DigestAlgorithm.SHA_256, Map.of(
                "a-1.0.jar", HexDigests.digest(same, DigestAlgorithm.SHA_256),
                "a-1.0.pom", "0".repeat(64)));

        CompareReport report = new BuildComparator(CauseTable.builtIn(), List.of("*.asc"), dir).compare(
                "digests.sha256sum", manifest, "this build", Map.of("a-1.0.jar", same, "a-1.0.pom", changed,
                        "a-1.0-sources.jar", extra, "a-1.0.jar.asc", signature));

        assertThat(report.files()).extracting(FileComparison::path, FileComparison::verdict).containsExactly(
                tuple("a-1.0-sources.jar", Verdict.MISSING_IN_REFERENCE),
                tuple("a-1.0.jar", Verdict.IDENTICAL),
                tuple("a-1.0.jar.asc", Verdict.IGNORED),
                tuple("a-1.0.pom", Verdict.DIFFERENT));
        Difference checksum = only(report.files().get(3));
        assertThat(checksum.what()).isEqualTo("SHA-256");
        assertThat(checksum.reference()).isEqualTo("0".repeat(64));
        assertThat(checksum.actual()).isEqualTo(HexDigests.digest(changed, DigestAlgorithm.SHA_256));
        assertThat(checksum.cause().id()).isEqualTo("checksum-only");
        assertThat(checksum.cause().explanation()).contains("checksums only");
    }

    @Test
    void aBuildinfoComparesChecksumsOnlyAndSaysSo() throws IOException {
        Path same = write(dir, "actual/lib-a/a-1.0.jar", zip(entry("a.txt", "a")));
        Path changed = write(dir, "actual/a-1.0.pom", "<project/>".getBytes(StandardCharsets.UTF_8));
        write(dir, "actual/lib-a/a-1.0-sources.jar", zip(entry("A.java", "class A {}")));
        write(dir, "actual/a-1.0.buildinfo", "outputs.0.filename=x\n".getBytes(StandardCharsets.UTF_8));
        // hermetic:sign's digest manifest: written after the .buildinfo, which cannot list it.
        write(dir, "actual/a-1.0-digests.sha256sum", "0000  a-1.0.jar\n".getBytes(StandardCharsets.UTF_8));
        String differentSha512 = "0".repeat(128);
        Path buildinfo = write(dir, "ref/a-1.0.buildinfo", new Buildinfo(new Buildinfo.Header("a", "g", "a", "1.0", null,
                null, "17", "vendor", "\n", "3.9.9", null, null), false, List.of(new Buildinfo.Module("g", "a", List.of(
                        Buildinfo.Output.of("g", "a-1.0.jar", same),
                        new Buildinfo.Output("g", "a-1.0.pom", 10, differentSha512),
                        new Buildinfo.Output("g", "a-1.0-tests.jar", 10, differentSha512)))))
                .write().getBytes(StandardCharsets.UTF_8));

        // The command line's way in: a .buildinfo against a directory, whose files are found by name.
        CompareReport report = new BuildComparator(CauseTable.builtIn(), List.of(), dir).compare(buildinfo,
                dir.resolve("actual"));

        assertThat(report.files()).extracting(FileComparison::path, FileComparison::verdict).containsExactly(
                tuple("a-1.0-digests.sha256sum", Verdict.IGNORED),
                tuple("a-1.0-sources.jar", Verdict.MISSING_IN_REFERENCE),
                tuple("a-1.0-tests.jar", Verdict.MISSING_HERE),
                tuple("a-1.0.buildinfo", Verdict.IGNORED),
                tuple("a-1.0.jar", Verdict.IDENTICAL),
                tuple("a-1.0.pom", Verdict.DIFFERENT));
        Difference checksum = only(report.files().get(5));
        assertThat(checksum.what()).isEqualTo("SHA-512");
        assertThat(checksum.reference()).isEqualTo(differentSha512);
        assertThat(checksum.actual()).isEqualTo(HexDigests.digest(changed, DigestAlgorithm.SHA_512));
        assertThat(checksum.cause().id()).isEqualTo("checksum-only");
        assertThat(checksum.cause().explanation()).contains("a .buildinfo, which holds lengths and checksums only");
    }

    @Test
    void aBuildinfoAgainstADirectoryWithTwoFilesOfOneNameIsRefused() throws IOException {
        write(dir, "actual/x/a-1.0.jar", new byte[] {1});
        write(dir, "actual/y/a-1.0.jar", new byte[] {2});
        Path buildinfo = write(dir, "a.buildinfo", ("outputs.0.filename=a-1.0.jar\noutputs.0.length=1\n"
                + "outputs.0.checksums.sha512=" + "0".repeat(128) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new BuildComparator(CauseTable.builtIn(), List.of(), dir).compare(buildinfo,
                dir.resolve("actual"))).isInstanceOf(BuildComparator.CompareUsageException.class)
                .hasMessageContaining("are named a-1.0.jar").hasMessageContaining("a .buildinfo names files only");
    }

    @Test
    void directoriesMatchFilesByRelativePath() throws IOException {
        write(dir, "r/same.pom", "<project/>".getBytes(StandardCharsets.UTF_8));
        write(dir, "a/same.pom", "<project/>".getBytes(StandardCharsets.UTF_8));
        write(dir, "r/sub/changed.pom", "<project>\n<version>1</version>\n</project>\n".getBytes(StandardCharsets.UTF_8));
        write(dir, "a/sub/changed.pom", "<project>\n<version>2</version>\n</project>\n".getBytes(StandardCharsets.UTF_8));
        write(dir, "r/only-reference.jar", zip(entry("a", "a")));
        write(dir, "a/only-here.jar", zip(entry("a", "a")));
        write(dir, "r/x.asc", new byte[] {1});
        write(dir, "a/x.asc", new byte[] {2});

        CompareReport report = new BuildComparator(CauseTable.builtIn(), List.of("*.asc"), dir)
                .compare(dir.resolve("r"), dir.resolve("a"));

        assertThat(report.files()).extracting(FileComparison::path, FileComparison::verdict).containsExactly(
                tuple("only-here.jar", Verdict.MISSING_IN_REFERENCE),
                tuple("only-reference.jar", Verdict.MISSING_HERE),
                tuple("same.pom", Verdict.IDENTICAL),
                tuple("sub/changed.pom", Verdict.DIFFERENT),
                tuple("x.asc", Verdict.IGNORED));
        assertThat(only(report.files().get(3)).what()).isEqualTo("line 2");
        assertThat(report.summary()).isEqualTo("rebuild comparison result: 1 files match, 1 differ, 2 missing, 1 ignored");
    }

    @Test
    void aDirectoryAgainstAFileIsRefusedWithBothNamed() {
        assertThatThrownBy(() -> new BuildComparator(CauseTable.builtIn(), List.of(), dir).compare(dir, write(dir, "f", new byte[1])))
                .isInstanceOf(BuildComparator.CompareUsageException.class)
                .hasMessageContaining("cannot compare a directory with a file");
    }
}
