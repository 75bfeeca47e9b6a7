package dev.medius.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medius.devkit.containers.Podman;
import dev.medius.devkit.containers.ServiceImages;
import dev.medius.devkit.process.Ports;
import dev.medius.devkit.process.ServiceEnvironment;

/**
 * Scenario 6, as the images run: each service's image started alone in a container limited as the manifests limit
 * it, timed from {@code podman run} to ready, its memory read idle and, for catalog-service, after the catalog reads
 * of scenario 3. The images are built first, each with the class data archive of its training start. The ceiling for
 * start-up is the same image's JVM starting and exiting in the same kind of container.
 */
final class ContainerFootprintScenario {

    static final String SCENARIO = "footprint-containers";

    private final Options options;
    private final Path root;

    ContainerFootprintScenario(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    Result run() throws Exception {
        Wrk.requireInstalled();
        if (!Podman.installed("podman")) {
            throw new IllegalStateException("podman is missing (apt-get install -y podman runc debootstrap)");
        }
        int seconds = options.size("seconds", 10, 1);
        int settle = options.size("settle-seconds", 5, 1);
        int cpus = options.size("cpus", 0, 0);
        String given = System.getProperty("bench.image-tag");
        String tag = given == null ? "bench" : given;
        String javaOptions = System.getProperty("bench.java-opts-append", "").trim();
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        List<Double> jvm = new ArrayList<>();
        double buildSeconds = Double.NaN;
        try (Platform platform = Platform.start(root, false)) {
            if (given == null) {
                Bench.log("building the images as " + tag + " (deploy/containers/build-images, with training starts)");
                long start = System.nanoTime();
                ServiceImages.build(root, tag, platform.postgres(), platform.broker().bootstrapServers(),
                        platform.file("images.log"));
                buildSeconds = (System.nanoTime() - start) / 1e9;
                Bench.log(String.format("images built in %.0f s", buildSeconds));
            }
            Map<String, String> jdkArchive = new LinkedHashMap<>();
            for (String name : ServiceImages.SERVICES) {
                jdkArchive.put(name, jdkArchive(ServiceImages.image(name, tag)));
            }
            for (int run = 1; run <= options.runs(); run++) {
                jvm.add(containerJvmStart(ServiceImages.image("catalog", tag), cpus));
                Map<String, ServiceContainer> started = new LinkedHashMap<>();
                try {
                    for (String name : ServiceImages.SERVICES) {
                        String database = platform.createDatabase(name);
                        String image = ServiceImages.image(name, tag);
                        ServiceContainer service = start(platform, name, image, database, started, javaOptions, cpus);
                        add(figures, name + " first start to ready", service.readySeconds());
                        // what a rolling update or an added replica sees: schema migrated, library loaded
                        service.close();
                        // a later -XX:SharedArchiveFile wins: the JDK's own archive only, as in an image built without one
                        service = start(platform, name, image, database, started,
                                (javaOptions + " -XX:SharedArchiveFile=" + jdkArchive.get(name)).trim(), cpus);
                        add(figures, name + " start to ready without class archive", service.readySeconds());
                        service.close();
                        service = start(platform, name, image, database, started, javaOptions, cpus);
                        started.put(name, service);
                        add(figures, name + " start to ready", service.readySeconds());
                    }
                    Pause.millis(settle * 1000L);
                    started.forEach((name, service) -> {
                        add(figures, name + " resident memory idle", service.residentMib());
                        add(figures, name + " container memory idle", service.chargedMib());
                    });
                    ServiceContainer catalog = started.get("catalog");
                    for (Path script : CatalogScenario.loads(catalog.url()).values()) {
                        Wrk.run(catalog.url(), script, 16, seconds);
                    }
                    add(figures, "catalog resident memory after catalog reads", catalog.residentMib());
                    add(figures, "catalog container memory after catalog reads", catalog.chargedMib());
                    Bench.log("run " + run + ": " + figures);
                } finally {
                    started.values().forEach(ServiceContainer::close);
                }
            }
        }
        return result(figures, jvm, tag, given == null, buildSeconds, javaOptions, cpus, settle, seconds);
    }

    static Result result(Map<String, List<Double>> figures, List<Double> jvm, String tag, boolean built,
            double buildSeconds, String javaOptions, int cpus, int settle, int seconds) {
        Result result = new Result(SCENARIO, "6b. Footprint of the service containers: start to ready and memory per image");
        result.figure("ceiling: container start and exit (java -version)", "s", jvm);
        for (String name : ServiceImages.SERVICES) {
            result.figure(name + " first start to ready", "s", figures.get(name + " first start to ready"));
            result.figure(name + " start to ready without class archive", "s",
                    figures.get(name + " start to ready without class archive"));
            result.figure(name + " start to ready", "s", figures.get(name + " start to ready"));
            result.figure(name + " start / container JVM start", "",
                    Bench.ratios(figures.get(name + " start to ready"), jvm, x -> x));
            result.figure(name + " start / start without class archive", "", Bench.ratios(
                    figures.get(name + " start to ready"), figures.get(name + " start to ready without class archive"), x -> x));
            result.figure(name + " resident memory idle", "MiB", figures.get(name + " resident memory idle"));
            result.figure(name + " container memory idle", "MiB", figures.get(name + " container memory idle"));
            result.atMost(name + " start to ready", 3)
                    .atMost(name + " resident memory idle", ServiceContainer.MEMORY_LIMIT_MIB)
                    .atMost(name + " container memory idle", ServiceContainer.MEMORY_LIMIT_MIB);
        }
        result.figure("catalog resident memory after catalog reads", "MiB",
                figures.get("catalog resident memory after catalog reads"));
        result.figure("catalog container memory after catalog reads", "MiB",
                figures.get("catalog container memory after catalog reads"));
        result.atMost("catalog resident memory after catalog reads", ServiceContainer.MEMORY_LIMIT_MIB)
                .atMost("catalog container memory after catalog reads", ServiceContainer.MEMORY_LIMIT_MIB);
        return result.note("Each service runs from its image " + ServiceImages.image("<service>", tag)
                        + (built ? String.format(java.util.Locale.ROOT, " (built by deploy/containers/build-images in this"
                        + " run, %.0f s with the training starts that write each image's class data archive)", buildSeconds)
                        : " (built before the run)")
                        + " as `podman run -d --network host --read-only --tmpfs /tmp --memory "
                        + ServiceContainer.MEMORY_LIMIT_MIB + "m --user 185:185 --cap-drop ALL"
                        + (cpus > 0 ? " --cpus " + cpus : "") + " --env-file …`, the memory limit, user, read-only root"
                        + " and dropped capabilities of the Kubernetes manifests" + (cpus > 0 ? ", and their CPU limit"
                        : " (not their 1-CPU limit: `--cpus 1` adds it)") + "; the environment sets the datasource,"
                        + " the broker, the token key, JAVA_MAX_MEM_RATIO=50 and MALLOC_ARENA_MAX=2 as the manifests do"
                        + (javaOptions.isEmpty() ? "" : ", and JAVA_OPTS_APPEND=\"" + javaOptions + "\"") + ".")
                .note("Start to ready is from calling `podman run` (creating and starting the container, as a pod's"
                        + " container is created and started on a node that holds the image) to the first 200 of"
                        + " /q/health/ready, polled every 10 ms: 'first start' on an empty database, with Flyway's migrations"
                        + " and the catalog's import of its library; 'start' is a new container on that database, as a rolling"
                        + " update or an added replica starts, and is the figure held to the bar. 'without class archive'"
                        + " names the JDK's own archive after the image's, so the JVM maps only that one, as in an image"
                        + " built without a training start.")
                .note("Resident memory is VmRSS of the container's JVM (its process 1, /proc on the host); container"
                        + " memory is what its cgroup charges against the limit (`podman stats`: its anonymous memory and the"
                        + " page cache it read first; file pages another cgroup read first, such as the image's archive read by"
                        + " its training start, count in VmRSS but not here),"
                        + " idle " + settle + " s after the last service was ready and, for catalog-service, after " + seconds
                        + " s of each catalog read of scenario 3. Both are held to the " + ServiceContainer.MEMORY_LIMIT_MIB
                        + " MiB limit.");
    }

    private ServiceContainer start(Platform platform, String name, String image, String database,
            Map<String, ServiceContainer> running, String javaOptions, int cpus) {
        int port = Ports.free();
        Map<String, String> env = ServiceEnvironment.inContainer(platform.postgres(), database,
                platform.broker().bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // as the Kubernetes manifests run them (deploy/kubernetes/base)
        env.put("JAVA_MAX_MEM_RATIO", "50");
        env.put("MALLOC_ARENA_MAX", "2");
        if (running.containsKey("catalog")) {
            env.put("MEDIUS_CATALOG_URL", running.get("catalog").url());
        }
        if (!javaOptions.isEmpty()) {
            env.put("JAVA_OPTS_APPEND", javaOptions);
        }
        ServiceContainer container = ServiceContainer.run(root, name, image, port, env,
                platform.file(name + "-" + port + ".env"), cpus);
        try {
            container.awaitReady(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
        return container;
    }

    /** Where the image's JDK keeps its own class data archive. */
    private String jdkArchive(String image) {
        String env = Podman.run(root, Duration.ofSeconds(30), "image", "inspect", "-f",
                "{{range .Config.Env}}{{println .}}{{end}}", image);
        String javaHome = env.lines().filter(line -> line.startsWith("JAVA_HOME=")).map(line -> line.substring(10))
                .findFirst().orElseThrow(() -> new IllegalStateException(image + " sets no JAVA_HOME"));
        return javaHome + "/lib/server/classes.jsa";
    }

    /** {@code java -version} in a container of the image, limited as the services' containers are. */
    private double containerJvmStart(String image, int cpus) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "host", "--read-only", "--tmpfs", "/tmp",
                "--memory", ServiceContainer.MEMORY_LIMIT_MIB + "m", "--user", "185:185", "--cap-drop", "ALL"));
        if (cpus > 0) {
            args.addAll(List.of("--cpus", Integer.toString(cpus)));
        }
        args.addAll(List.of("--entrypoint", "java", image, "-version"));
        long start = System.nanoTime();
        Podman.run(root, Duration.ofMinutes(1), args.toArray(String[]::new));
        return (System.nanoTime() - start) / 1e9;
    }

    private static void add(Map<String, List<Double>> figures, String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
}
