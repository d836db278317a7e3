package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.junit.internal.TeardownResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeardownFooterTests {

    @Test
    void aStuckWorkerIsNotOfferedExpectDeliveryFaultsAsAnExcuse() {
        // GIVEN a teardown whose only problem is a thread that did not end
        TeardownResult result = new TeardownResult("sent 0", List.of("thread `courier-worker-w-1` is still alive"),
                List.of(), null, null, 1, 0);

        // WHEN / THEN
        assertThat(result.failure("t()")).hasMessage("Courier teardown of t() found 1 problem:\n"
                + "1. thread `courier-worker-w-1` is still alive\n"
                + "Close or end every worker, thread and executor the test starts.");
    }

    @Test
    void aStrictFaultIsOfferedTheExcusesThatApplyToIt() {
        // GIVEN a teardown whose only problem is a worker error in strict mode
        TeardownResult result = new TeardownResult("sent 1", List.of("WORKER_ERROR at `w#1`: boom"), List.of(), null,
                null, 0, 1);

        // WHEN / THEN
        assertThat(result.failure("t()")).hasMessage("Courier teardown of t() found 1 problem:\n"
                + "1. WORKER_ERROR at `w#1`: boom\n"
                + "Declare faults a test provokes on purpose with @ExpectDeliveryFaults, or set courier.strict=false.");
    }
}
