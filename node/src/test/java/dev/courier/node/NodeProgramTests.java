package dev.courier.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeProgramTests {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void aMissingNodeBinaryNamesTheFix() {
        // GIVEN a binary that does not exist
        NodeOptions options = NodeOptions.defaults().binary("/nonexistent/bin/node");

        // WHEN / THEN
        assertThatThrownBy(() -> NodeProgram.run(NodeProgram.resource("/node/outputs.mjs"), options))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("the node executable `/nonexistent/bin/node`")
                .hasMessageContaining("install Node.js >= 18")
                .hasMessageContaining("courier.node.binary");
    }

    @Test
    void aNodeThatIsTooOldIsRefusedWithTheVersionAndTheFix(@TempDir Path dir) throws IOException {
        // GIVEN a "node" that reports v16
        Path fake = dir.resolve("old-node");
        Files.writeString(fake, "#!/bin/sh\necho v16.20.2\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        // WHEN / THEN
        assertThatThrownBy(() -> NodeProgram.run(NodeProgram.resource("/node/outputs.mjs"),
                NodeOptions.defaults().binary(fake.toString())))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("Node.js v16.20.2 (`" + fake + "`) is too old: Courier's Node.js instrumentation "
                        + "needs Node.js >= 18; install Node.js >= 18");
    }

    @Test
    void aMissingScriptIsNamed(@TempDir Path dir) {
        // GIVEN
        Path missing = dir.resolve("nope.mjs");

        // WHEN / THEN
        assertThatThrownBy(() -> NodeProgram.run(missing, NodeOptions.defaults()))
                .isInstanceOf(NodeException.class)
                .hasMessage("the Node.js script " + missing + " does not exist; check the path (test resources are "
                        + "copied to target/test-classes)");
        assertThatThrownBy(() -> NodeProgram.resource("/node/nope.mjs"))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("no Node.js script `/node/nope.mjs` on the class path");
    }

    @Test
    void aScriptThatThrowsAtLoadIsReportedWithTheErrorAndWhere() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> NodeProgram.run(NodeProgram.resource("/node/throws-at-load.mjs"),
                NodeOptions.defaults().timeout(BOUND)))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("throws-at-load.mjs threw an uncaught TypeError: Cannot read properties of "
                        + "undefined (reading 'port') at file://")
                .hasMessageContaining("throws-at-load.mjs:3")
                .hasMessageContaining("node exited with code 1");
    }

    @Test
    void aHungProgramIsKilledAtTheTimeoutWithItsLastState() {
        // GIVEN a program that never ends
        NodeProgram program = NodeProgram.start(NodeProgram.resource("/node/hangs.mjs"),
                NodeOptions.defaults().timeout(Duration.ofSeconds(2)));

        // WHEN / THEN
        assertThatThrownBy(program::awaitExit)
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("did not exit within 2000 ms: it was killed")
                .hasMessageContaining("workers running: forever#1")
                .hasMessageContaining("listeners on forever#1 'message': 1")
                .hasMessageContaining("listeners on main 'message': 1");
        assertThat(program.exitCode()).isPresent();
    }

    @Test
    void outputIsCapturedWithoutTheInstrumentationLinesAndTheExitCodeReturned() {
        // GIVEN / WHEN
        NodeProgram program = NodeProgram.run(NodeProgram.resource("/node/outputs.mjs"),
                NodeOptions.defaults().timeout(BOUND));

        // THEN
        assertThat(program.exitCode()).hasValue(3);
        assertThat(program.stdout()).isEqualTo("hello on stdout\n");
        assertThat(program.stderr()).isEqualTo("hello on stderr\n");
        assertThat(program.nodeVersion()).startsWith("v");
    }

    @Test
    void evalWorkersExecArgvWorkersChannelsAndSynchronousReceivesAreAllRecorded() {
        // GIVEN / WHEN
        NodeProgram program = NodeProgram.run(NodeProgram.resource("/node/listeners.mjs"),
                NodeOptions.defaults().timeout(BOUND));

        // THEN both workers came online under their names, and every message was delivered and handled
        List<DeliveryEvent> events = program.log().events();
        assertThat(events).filteredOn(e -> e.kind() == EventKind.WORKER_ONLINE).extracting(DeliveryEvent::receiver)
                .containsExactlyInAnyOrder("evaluator#1", "flagged#2");
        assertThat(events).filteredOn(e -> e.kind() == EventKind.HANDLED).extracting(e -> e.sender() + "->" + e.receiver())
                .containsExactlyInAnyOrder("evaluator#1->main", "flagged#2->main", "channel-1.port1->channel-1.port2");
        assertThat(program.stdout()).contains("sync receive 1");
    }
}
