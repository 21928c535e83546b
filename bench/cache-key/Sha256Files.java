import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The floor of any Java cache key: reads NUL-separated paths from stdin (as `git ls-files -z` prints them) and prints
 * each file's SHA-256 as sha256sum does. No text rule, no sorting, no key: what a JVM costs to hash the same files.
 */
public final class Sha256Files {
    public static void main(String[] args) throws Exception {
        byte[] list = System.in.readAllBytes();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        StringBuilder out = new StringBuilder();
        for (int start = 0, end; start < list.length; start = end + 1) {
            end = start;
            while (end < list.length && list[end] != 0) {
                end++;
            }
            String path = new String(list, start, end - start, StandardCharsets.UTF_8);
            sha256.reset();
            try (InputStream in = new FileInputStream(path)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                }
            } catch (IOException e) {
                System.err.println(path + ": " + e.getMessage());
                System.exit(1);
            }
            out.append(HexFormat.of().formatHex(sha256.digest())).append("  ").append(path).append('\n');
        }
        System.out.print(out);
    }
}
