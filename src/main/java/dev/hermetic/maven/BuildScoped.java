package dev.hermetic.maven;

import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;

/** One object per build, shared by every module's mojos (also under {@code -T}) through the resolver session's data. */
final class BuildScoped {

    private BuildScoped() {}

    /**
     * The build's object under {@code key}, made by {@code make} the first time. Another version of this plugin in the
     * same reactor stores its own realm's class under the key: that one is neither cast nor trusted, and the caller
     * gets one of its own (the work it would save is done again).
     */
    static <T> T get(MavenSession session, String key, Class<T> type, Supplier<T> make) {
        if (session.getRepositorySession() == null) {
            return make.get(); // nothing to share it in
        }
        var data = session.getRepositorySession().getData();
        // Compare-and-set: in Maven 3.8's resolver SessionData has no computeIfAbsent.
        data.set(key, null, make.get());
        Object shared = data.get(key);
        return type.isInstance(shared) ? type.cast(shared) : make.get();
    }
}
