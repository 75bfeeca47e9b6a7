package dev.medius.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import dev.medius.kubernetes.Manifests.Manifest;

/** Renders an overlay with kubectl's own kustomize, as {@code kubectl apply -k} would, into typed manifests. */
final class Kustomize {

    private Kustomize() {
    }

    static List<Manifest> render(Path overlay) {
        String rendered = run(overlay);
        List<Manifest> manifests = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(rendered)) {
            for (JsonNode document : Manifests.YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document != null && document.isObject() && !document.isEmpty()) {
                    manifests.add(Manifests.typed(overlay, (ObjectNode) document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(overlay + " renders unreadable YAML: " + e.getMessage(), e);
        }
        return manifests;
    }

    private static String run(Path overlay) {
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl (with its built-in kustomize) is needed to render " + overlay + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
