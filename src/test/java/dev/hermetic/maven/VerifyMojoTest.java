package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

class VerifyMojoTest {

    /** A build as Maven starts one: its own request and repository session. */
    @SuppressWarnings("deprecation")
    static MavenSession build(MavenExecutionRequest request) {
        return new MavenSession(null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
    }

    static MavenExecutionRequest request() {
        return new DefaultMavenExecutionRequest().setUserProperties(new Properties())
                .setSystemProperties(new Properties());
    }

    @Test
    void theModulesOfOneBuildShareItsVerification() throws Exception {
        MavenSession build = build(request());
        // Under -T each module's thread gets a clone of the session.
        MavenSession moduleThread = build.clone();
        CompletableFuture<String> first = new CompletableFuture<>();

        assertThat(VerifyMojo.claimRun(build.getRepositorySession().getData(), first)).isNull();
        assertThat(VerifyMojo.claimRun(moduleThread.getRepositorySession().getData(), new CompletableFuture<>()))
                .isSameAs(first);
    }

    @Test
    void twoBuildsInOneJvmDoNotShareAVerification() {
        // mvnd or an IDE: one JVM, one build after (or beside) another, even with the same request object.
        MavenExecutionRequest request = request();
        MavenSession one = build(request);
        MavenSession two = build(request);
        CompletableFuture<String> failed = new CompletableFuture<>();
        failed.completeExceptionally(new IllegalStateException("the first build does not match its lockfile"));

        assertThat(VerifyMojo.claimRun(one.getRepositorySession().getData(), failed)).isNull();
        assertThat(VerifyMojo.claimRun(two.getRepositorySession().getData(), new CompletableFuture<>()))
                .as("the second build verifies for itself").isNull();
    }

    @Test
    void ofModulesArrivingTogetherExactlyOneVerifies() throws Exception {
        MavenSession build = build(request());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CompletableFuture<String>>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                MavenSession module = build.clone();
                claims.add(pool.submit(() -> {
                    start.await();
                    return VerifyMojo.claimRun(module.getRepositorySession().getData(), new CompletableFuture<>());
                }));
            }
            start.countDown();
            int first = 0;
            Set<CompletableFuture<String>> shared = new HashSet<>();
            for (Future<CompletableFuture<String>> c : claims) {
                CompletableFuture<String> run = c.get();
                if (run == null) {
                    first++;
                } else {
                    shared.add(run);
                }
            }
            assertThat(first).isEqualTo(1);
            assertThat(shared).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
