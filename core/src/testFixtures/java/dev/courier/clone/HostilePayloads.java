package dev.courier.clone;

import java.util.HashSet;
import java.util.Set;

/** Payload shapes that used to hang, overflow or crash the clone and the comparison; shared by several modules' tests. */
public final class HostilePayloads {

    private HostilePayloads() {
    }

    /** A user class without equals, in a chain of sets: only a structural comparison can match it. */
    public static final class Holder {
        public final int level;
        public final Set<Object> next = new HashSet<>();

        public Holder(int level) {
            this.level = level;
        }
    }

    /** Its hashCode and equals throw once armed; a copy made field by field is armed too. */
    public static final class Armed {
        final int id;
        boolean armed;

        Armed(int id) {
            this.id = id;
        }

        @Override
        public int hashCode() {
            if (armed) {
                throw new IllegalStateException("hashCode of an armed object");
            }
            return id;
        }

        @Override
        public boolean equals(Object other) {
            if (armed) {
                throw new IllegalStateException("equals of an armed object");
            }
            return other instanceof Armed a && a.id == id;
        }
    }

    /** {@code levels} levels of HashSet -> {@link Holder} -> HashSet. */
    public static Set<Object> nestedSetsOfObjects(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> at = root;
        for (int i = 0; i < levels; i++) {
            Holder holder = new Holder(i);
            at.add(holder);
            at = holder.next;
        }
        return root;
    }
}
