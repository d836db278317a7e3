package dev.courier.clone;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/** Payload types shared by the clone, codec and fidelity tests. */
final class Samples {

    private Samples() {
    }

    /** A user class with private final fields and no no-arg constructor. */
    static class Account {
        private final String owner;
        private final long cents;
        private final List<String> tags;

        Account(String owner, long cents, List<String> tags) {
            this.owner = Objects.requireNonNull(owner);
            this.cents = cents;
            this.tags = tags;
        }

        String owner() {
            return owner;
        }

        long cents() {
            return cents;
        }

        List<String> tags() {
            return tags;
        }
    }

    /** A subclass with its own field. */
    static final class SavingsAccount extends Account {
        private final double rate;

        SavingsAccount(String owner, long cents, List<String> tags, double rate) {
            super(owner, cents, tags);
            this.rate = rate;
        }

        double rate() {
            return rate;
        }
    }

    /** A mutable node for cycles and long chains. */
    static final class Node {
        int value;
        Node next;
        Object extra;

        Node(int value) {
            this.value = value;
        }
    }

    /** A serializable class with a transient field. */
    static final class Session implements Serializable {
        private static final long serialVersionUID = 1L;
        final String user;
        transient String token;
        transient int retries;

        Session(String user, String token, int retries) {
            this.user = user;
            this.token = token;
            this.retries = retries;
        }
    }

    /** A serializable job holding a callback, for the not-cloneable path tests. */
    static final class Job implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;
        final Runnable callback;

        Job(String name, Runnable callback) {
            this.name = name;
            this.callback = callback;
        }
    }

    /** A record with immutable components only: shared by structured clone. */
    record Point(int x, int y, String label) {
    }

    /** A record with a mutable component: copied through the canonical constructor. */
    record Batch(String id, List<Job> jobs) {
    }

    /** A record holding a date, for the JSON-style type change. */
    record Item(String sku, int quantity, Date when) implements Serializable {
    }

    /** An order of items. */
    record Order(String id, List<Item> items) implements Serializable {
    }

    /** A record whose canonical constructor counts its calls. */
    record Counted(List<String> values) {
        static int constructed;

        Counted {
            constructed++;
        }
    }

    /** A user exception with a field of its own. */
    static final class ShippingException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final List<String> parcels;

        ShippingException(String message, Throwable cause, List<String> parcels) {
            super(message, cause);
            this.parcels = parcels;
        }
    }

    /** A user subclass of a JDK collection. */
    static final class Tags extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
        String owner;
    }
}
