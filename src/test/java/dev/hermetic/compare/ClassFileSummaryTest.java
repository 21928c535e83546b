package dev.hermetic.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileSummaryTest {

    @TempDir
    Path dir;

    @Test
    void readsVersionMembersAndStrings() throws Exception {
        byte[] bytes = TestArchives.compile(dir, "C", "class C { static final String S = \"hello\"; int n; long m(int x) { return x; } }", "17")
                .get("C.class");
        ClassFileSummary c = ClassFileSummary.parse(bytes);
        assertThat(c.version()).isEqualTo("Java 17 (61.0)");
        assertThat(c.fields()).containsOnlyKeys("S Ljava/lang/String;", "n I");
        assertThat(c.methods()).containsOnlyKeys("<init> ()V", "m (I)J");
        assertThat(c.strings()).contains("hello", "C", "java/lang/Object");
    }

    /** Any corruption of a real class gives a summary or a MalformedClassException, never another exception. */
    @Test
    void corruptClassesAreMalformedNeverAnotherException() throws IOException {
        byte[] good = TestArchives.compile(dir, "D", "class D { String s = \"x\"; void m() { s = s + 1; } }", "17").get("D.class");
        Random random = new Random(7);
        int malformed = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] bad = java.util.Arrays.copyOf(good, random.nextInt(3) == 0 ? random.nextInt(good.length) : good.length);
            for (int flips = 1 + random.nextInt(4); flips > 0 && bad.length > 0; flips--) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            try {
                ClassFileSummary.parse(bad);
            } catch (ClassFileSummary.MalformedClassException expected) {
                malformed++;
            }
        }
        assertThat(malformed).as("most corruptions are caught").isGreaterThan(1000);
    }
}
