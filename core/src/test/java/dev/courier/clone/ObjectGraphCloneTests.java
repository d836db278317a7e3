package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records, user classes, cycles and aliasing, throwables and buffers (rules C2, C3, C4). */
class ObjectGraphCloneTests {

    @Test
    void privateFinalFieldsAreCopiedWithoutRunningConstructors() {
        // GIVEN an object with private final fields, one of them a mutable list
        Samples.Account account = new Samples.Account("ada", 1200, new ArrayList<>(List.of("vip")));

        // WHEN it is cloned
        Samples.Account copy = StructuredClone.copy(account);

        // THEN the fields are equal, the list a copy
        assertThat(copy).isNotSameAs(account);
        assertThat(copy.owner()).isEqualTo("ada");
        assertThat(copy.cents()).isEqualTo(1200);
        assertThat(copy.tags()).containsExactly("vip").isNotSameAs(account.tags());
    }

    @Test
    void subclassesAreKeptWithSuperclassFields() {
        // GIVEN a subclass instance seen through its superclass type
        Samples.Account account = new Samples.SavingsAccount("bo", 5, new ArrayList<>(), 0.025);

        // WHEN it is cloned
        Samples.Account copy = StructuredClone.copy(account);

        // THEN the copy is still the subclass, with both levels' fields
        assertThat(copy).isInstanceOf(Samples.SavingsAccount.class);
        assertThat(((Samples.SavingsAccount) copy).rate()).isEqualTo(0.025);
        assertThat(copy.owner()).isEqualTo("bo");
    }

    @Test
    void recordsWithMutableComponentsAreRebuiltThroughTheCanonicalConstructor() {
        // GIVEN a record holding a mutable list
        Samples.Counted record = new Samples.Counted(new ArrayList<>(List.of("a")));
        int before = Samples.Counted.constructed;

        // WHEN it is cloned
        Samples.Counted copy = StructuredClone.copy(record);

        // THEN the canonical constructor ran once more, with a copy of the list
        assertThat(Samples.Counted.constructed).isEqualTo(before + 1);
        assertThat(copy).isNotSameAs(record).isEqualTo(record);
        assertThat(copy.values()).isNotSameAs(record.values());
    }

    @Test
    void aCycleThroughObjectsComesBackAsACycle() {
        // GIVEN a ring of three nodes
        Samples.Node a = new Samples.Node(1);
        Samples.Node b = new Samples.Node(2);
        Samples.Node c = new Samples.Node(3);
        a.next = b;
        b.next = c;
        c.next = a;

        // WHEN it is cloned
        Samples.Node copy = StructuredClone.copy(a);

        // THEN the copy is a ring of three new nodes
        assertThat(copy.next.next.next).isSameAs(copy);
        assertThat(copy.next.value).isEqualTo(2);
        assertThat(copy).isNotSameAs(a);
    }

    @Test
    void aCycleThroughAMapComesBackAsACycle() {
        // GIVEN a map holding itself and a list holding the map
        Map<String, Object> map = new HashMap<>();
        List<Object> list = new ArrayList<>();
        map.put("self", map);
        map.put("list", list);
        list.add(map);

        // WHEN it is cloned
        Map<String, Object> copy = StructuredClone.copy(map);

        // THEN the cycles point at the copies
        assertThat(copy.get("self")).isSameAs(copy);
        assertThat(((List<?>) copy.get("list")).get(0)).isSameAs(copy);
        assertThat(copy.get("list")).isNotSameAs(list);
    }

    @Test
    void theSameObjectTwiceStaysOneObject() {
        // GIVEN two fields holding the same mutable list
        List<String> shared = new ArrayList<>(List.of("x"));
        Samples.Node node = new Samples.Node(0);
        node.extra = shared;
        Object[] payload = {node, shared};

        // WHEN it is cloned
        Object[] copy = StructuredClone.copy(payload);

        // THEN both references in the copy are one new list
        assertThat(((Samples.Node) copy[0]).extra).isSameAs(copy[1]).isNotSameAs(shared);
    }

    @Test
    void throwablesKeepClassMessageStackCauseSuppressedAndFields() {
        // GIVEN a user exception with a cause, a suppressed exception and a field of its own
        IllegalStateException cause = new IllegalStateException("disk full");
        Samples.ShippingException error = new Samples.ShippingException("cannot ship", cause,
                new ArrayList<>(List.of("p1")));
        error.addSuppressed(new IllegalArgumentException("retry failed"));

        // WHEN it is cloned
        Samples.ShippingException copy = StructuredClone.copy(error);

        // THEN everything observable is kept, in new objects
        assertThat(copy).isNotSameAs(error).hasMessage("cannot ship");
        assertThat(copy.getStackTrace()).containsExactly(error.getStackTrace());
        assertThat(copy.getCause()).isNotSameAs(cause).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(copy.getCause().getStackTrace()).containsExactly(cause.getStackTrace());
        assertThat(copy.getSuppressed()).singleElement().isInstanceOf(IllegalArgumentException.class)
                .hasFieldOrPropertyWithValue("message", "retry failed");
        assertThat(copy.parcels).containsExactly("p1").isNotSameAs(error.parcels);
        assertThat(Fidelity.compare(error, copy)).isEmpty();
    }

    @Test
    void byteBuffersKeepPositionLimitOrderAndContent() {
        // GIVEN a little-endian heap buffer and a direct buffer, partly read
        ByteBuffer heap = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0x01020304);
        heap.flip().get();
        ByteBuffer direct = ByteBuffer.allocateDirect(4).put((byte) 9);

        // WHEN they are cloned
        ByteBuffer heapCopy = StructuredClone.copy(heap);
        ByteBuffer directCopy = StructuredClone.copy(direct);

        // THEN state and content are kept, in new memory
        assertThat(heapCopy).isNotSameAs(heap);
        assertThat(heapCopy.position()).isEqualTo(1);
        assertThat(heapCopy.limit()).isEqualTo(4);
        assertThat(heapCopy.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(heapCopy.getInt(0)).isEqualTo(0x01020304);
        assertThat(directCopy.isDirect()).isTrue();
        assertThat(directCopy.position()).isEqualTo(1);
        assertThat(directCopy.get(0)).isEqualTo((byte) 9);
        assertThat(Fidelity.compare(heap, heapCopy)).isEmpty();
    }

    @Test
    void readOnlyBuffersStayReadOnly() {
        // GIVEN a read-only little-endian view
        ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {1, 2}).order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer();
        readOnly.order(ByteOrder.LITTLE_ENDIAN);

        // WHEN it is cloned
        ByteBuffer copy = StructuredClone.copy(readOnly);

        // THEN it is read-only, little-endian, same content
        assertThat(copy.isReadOnly()).isTrue();
        assertThat(copy.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(copy.get(1)).isEqualTo((byte) 2);
    }

    @Test
    void bitSetsAreCopied() {
        // GIVEN a bit set
        BitSet bits = BitSet.valueOf(new long[] {0b1011});

        // WHEN it is cloned and the original changed
        BitSet copy = StructuredClone.copy(bits);
        bits.clear();

        // THEN the copy kept the bits
        assertThat(copy.cardinality()).isEqualTo(3);
    }

    @Test
    void transientFieldsAreCopiedBecauseCloneIsNotSerialization() {
        // GIVEN an object with transient fields set
        Samples.Session session = new Samples.Session("ada", "secret", 3);

        // WHEN it is cloned
        Samples.Session copy = StructuredClone.copy(session);

        // THEN the transient fields are there
        assertThat(copy.token).isEqualTo("secret");
        assertThat(copy.retries).isEqualTo(3);
    }

    @Test
    void sharedByReferenceValuesAreNotCopied() {
        // GIVEN a value marked as shared by reference inside a list
        SharedByReference shared = new SharedByReference() {
        };
        List<Object> payload = new ArrayList<>(List.of(shared));

        // WHEN the list is cloned
        List<Object> copy = StructuredClone.copy(payload);

        // THEN the list is new, the shared value the same
        assertThat(copy).isNotSameAs(payload);
        assertThat(copy.get(0)).isSameAs(shared);
    }
}
