package dev.hermetic.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CLI (or another main class) in another JVM, with the test JVM's class path. */
final class ChildJvm {

    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    record Result(int status, String output) {}

    private ChildJvm() {}

    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Result run(Path java, List<String> jvmOptions, Map<String, String> environment, Path log, String... args)
            throws IOException, InterruptedException {
        return run(Main.class, java, jvmOptions, environment, log, args);
    }

    static Result run(Class<?> mainClass, Path java, List<String> jvmOptions, Map<String, String> environment, Path log,
            String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("SOURCE_DATE_EPOCH");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 5 minutes: " + command);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
