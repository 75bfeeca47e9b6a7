package dev.medius.devkit.process;

import java.util.List;

/** The JVM options a service process runs with. */
public final class JvmOptions {

    private JvmOptions() {
    }

    /** On a developer's machine: a small heap and the quick compiler, for a fast start. */
    public static List<String> development() {
        return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /**
     * As a replica runs inside the Kubernetes manifests' 512 MiB limit with the options of its image
     * (deploy/docker/Dockerfile.jvm and the build arguments in docs/operations.md).
     */
    public static List<String> replica(String service) {
        String collector = "progress".equals(service) ? "-XX:+UseParallelGC -XX:InitialRAMPercentage=31.25"
                : "-XX:+UseSerialGC -Xmn16m";
        return List.of(("-XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -XX:TrimNativeHeapInterval=2000"
                + " -Djava.util.logging.manager=org.jboss.logmanager.LogManager " + collector).split(" "));
    }
}
