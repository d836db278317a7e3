package dev.courier.samples.node;

import dev.courier.history.DeliveryLog;
import dev.courier.node.NodeOptions;
import dev.courier.node.NodeProgram;
import java.time.Duration;

/** Runs one of the sample scripts under {@code src/test/resources/node/} in its {@code bug} or {@code fix} mode. */
final class NodeSamples {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private NodeSamples() {
    }

    static NodeProgram run(String script, String mode, DeliveryLog log) {
        return NodeProgram.run(NodeProgram.resource("/node/" + script + ".mjs"),
                NodeOptions.defaults().log(log).arguments(mode).timeout(BOUND));
    }
}
