package cn.ebillops.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl CLI (an implementation independent of Bouncy Castle) in a directory. */
public final class Openssl {

    public record Result(int exit, String output) {
    }

    private final Path dir;

    public Openssl(Path dir) {
        this.dir = dir;
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl timed out: " + cmd);
        }
        return new Result(p.exitValue(), out);
    }

    public Result ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exit() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + r.output());
        }
        return r;
    }

    /** True when this openssl signs SM2 with a distinguishing ID (OpenSSL 3). */
    public static boolean supportsSm2(Path dir) {
        try {
            Openssl o = new Openssl(dir);
            o.ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2", "-out", "probe.pem");
            java.nio.file.Files.writeString(dir.resolve("probe.txt"), "x");
            return o.run("dgst", "-sm3", "-sign", "probe.pem", "-sigopt", "distid:1234567812345678", "-out", "probe.sig", "probe.txt")
                    .exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
