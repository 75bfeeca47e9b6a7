package dev.medius.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Command-line options of the launcher. */
record LocalOptions(Path root, Path stateDirectory, boolean reset, boolean ephemeral, boolean help, int kafkaPort,
        int catalogPort, int routinePort, int progressPort, int readyTimeoutSeconds, boolean demo,
        boolean simulate, boolean containers) {

    static final String USAGE = String.join("\n",
            "usage: ./medius [options]",
            "  --reset            wipe local state (.medius/: databases, broker logs, tokens) first",
            "  --state DIR        keep local state in DIR (default: .medius)",
            "  --ephemeral        random ports, throw-away state and databases, all removed on exit",
            "  --kafka-port N     broker port (default 9092; 0 picks a free one)",
            "  --ports A,B,C      catalog, routine and progress HTTP ports (default 8081,8082,8083)",
            "  --ready-timeout S  seconds to wait for the services to be ready (default 240)",
            "  --no-demo          do not seed the demo organisations (coaches, athletes, plans)",
            "  --no-simulation    seed the demo organisations without history or live completions",
            "  --containers       run the services from their container images (podman; built first when older",
            "                     than the build, see docs/operations.md, \"Images\")");

    static LocalOptions parse(String[] args) {
        Path root = Paths.get(System.getProperty("medius.root", ".")).toAbsolutePath().normalize();
        Path state = root.resolve(".medius");
        boolean reset = false;
        boolean ephemeral = false;
        boolean help = false;
        boolean stateGiven = false;
        int kafka = 9092;
        int[] ports = {8081, 8082, 8083};
        int timeout = 240;
        boolean demo = true;
        boolean simulate = true;
        boolean containers = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--ephemeral" -> ephemeral = true;
                case "--no-demo" -> demo = false;
                case "--no-simulation" -> simulate = false;
                case "--containers" -> containers = true;
                case "--demo" -> demo = true;
                case "--help", "-h" -> help = true;
                case "--state" -> {
                    state = Paths.get(value(args, ++i, "--state")).toAbsolutePath();
                    stateGiven = true;
                }
                case "--kafka-port" -> kafka = Integer.parseInt(value(args, ++i, "--kafka-port"));
                case "--ready-timeout" -> timeout = Integer.parseInt(value(args, ++i, "--ready-timeout"));
                case "--ports" -> {
                    String[] parts = value(args, ++i, "--ports").split(",");
                    if (parts.length != 3) {
                        throw new IllegalArgumentException("--ports takes three ports: catalog,routine,progress");
                    }
                    for (int p = 0; p < 3; p++) {
                        ports[p] = Integer.parseInt(parts[p].trim());
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (ephemeral) {
            try {
                state = stateGiven ? state : Files.createTempDirectory("medius-local-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kafka = 0;
            ports = new int[] {0, 0, 0};
            // throw-away runs are for tests, which bring their own data
            demo = List.of(args).contains("--demo");
        }
        return new LocalOptions(root, state, reset, ephemeral, help, kafka, ports[0], ports[1], ports[2], timeout, demo,
                simulate, containers);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
