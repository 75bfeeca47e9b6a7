package dev.medius.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario of the harness at tiny sizes against the real services, broker and database,
 * so the harness cannot rot. It checks that each produces its figures and a report; it says nothing
 * about how fast anything is.
 */
class HarnessSmokeTest {

    @BeforeAll
    static void tinySizes() {
        System.setProperty("bench.smoke", "true");
    }

    @AfterAll
    static void fullSizes() {
        System.clearProperty("bench.smoke");
    }

    static Iterable<String> scenarios() {
        return Bench.SCENARIOS;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void producesFiguresForEveryRun(String scenario) throws Exception {
        Options options = new Options();
        Path root = Bench.root();

        Result result = Bench.run(scenario, options, root);

        assertThat(result.figures).isNotEmpty();
        assertThat(result.figures).allSatisfy(figure -> {
            assertThat(figure.values()).as(figure.name()).hasSize(options.runs());
            assertThat(figure.values()).as(figure.name()).allSatisfy(value -> assertThat(value).isFinite().isNotNegative());
        });
        assertThat(result.bars).allSatisfy(bar -> assertThat(result.find(bar.figure())).isNotNull());
        String markdown = Report.markdown(result, root, options.runs(), options.takeSizes());
        assertThat(markdown).contains("| figure | median | min | max | unit |").contains("machine: ")
                .contains("bench/run " + scenario);
    }
}
