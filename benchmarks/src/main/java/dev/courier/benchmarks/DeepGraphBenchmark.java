package dev.courier.benchmarks;

import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Structured clone and fidelity comparison of very deep payloads: a 1,000,000-deep record chain (each link
 * holding a mutable array, so nothing is shared), a 1,000,000-deep chain of a mutable class (copied field
 * by field) and a 1,000,000-node {@code LinkedList} of mutable arrays. Target: each under 2 s on 2 cores.
 * The hand-written copy of each shape is the baseline in the same run. One operation takes about a second,
 * so single-shot mode fits: {@code -bm ss -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeepGraphBenchmark {

    /** One link of the chain; the array makes it mutable, so structured clone copies every link. */
    public record Link(int[] value, Link next) {
    }

    /** One link of a mutable chain: a plain class, copied field by field. */
    public static final class Node {
        int value;
        Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    static final int SIZE = 1_000_000;

    @Param({"recordChain1m", "mutableChain1m", "linkedList1m"})
    public String shape;

    private Object payload;
    private Object copy;

    @Setup(Level.Trial)
    public void setUp() {
        if (shape.equals("recordChain1m")) {
            Link head = null;
            for (int i = 0; i < SIZE; i++) {
                head = new Link(new int[] {i}, head);
            }
            payload = head;
        } else if (shape.equals("mutableChain1m")) {
            Node head = null;
            for (int i = 0; i < SIZE; i++) {
                head = new Node(i, head);
            }
            payload = head;
        } else {
            List<int[]> list = new LinkedList<>();
            for (int i = 0; i < SIZE; i++) {
                list.add(new int[] {i});
            }
            payload = list;
        }
        copy = StructuredClone.copy(payload);
    }

    @Benchmark
    public Object structuredClone() {
        return StructuredClone.copy(payload);
    }

    @Benchmark
    public Object compare() {
        return Fidelity.compare(payload, copy);
    }

    /** The practical limit: a copy written by hand for this one shape, iteratively. */
    @Benchmark
    public Object handWritten() {
        if (payload instanceof Link head) {
            int[][] values = new int[SIZE][];
            int n = 0;
            for (Link at = head; at != null; at = at.next()) {
                values[n++] = at.value().clone();
            }
            Link copied = null;
            for (int i = n - 1; i >= 0; i--) {
                copied = new Link(values[i], copied);
            }
            return copied;
        }
        if (payload instanceof Node head) {
            Node copied = new Node(head.value, null);
            Node last = copied;
            for (Node at = head.next; at != null; at = at.next) {
                last.next = new Node(at.value, null);
                last = last.next;
            }
            return copied;
        }
        LinkedList<int[]> copied = new LinkedList<>();
        for (Object element : (List<?>) payload) {
            copied.add(((int[]) element).clone());
        }
        return copied;
    }
}
