/**
 * Taps: record deliveries through the user's own JDK transports (blocking queues, executors,
 * {@code SubmissionPublisher}, callbacks, or by hand with a {@link dev.courier.tap.Recorder}) into a
 * {@code DeliveryLog}, with the same events, labels and per-sender sequence numbers as Courier workers, so
 * the same checkers, diagnoses and assertions apply. The executor, scheduler, publisher and non-blocking
 * queue taps are the JDK types themselves ({@link dev.courier.tap.ThreadPoolTap},
 * {@link dev.courier.tap.ScheduledPoolTap}, {@link dev.courier.tap.SubmissionPublisherTap},
 * {@link dev.courier.tap.NonBlockingQueueTap}), so production code declared with those types takes them
 * unchanged; a {@link dev.courier.tap.StageTap} checks a pipeline stage from outside.
 *
 * <p>Thread contract: every tap may be used from any number of threads at once, like the transport it
 * wraps; recording adds the log's short append lock to each call and never blocks otherwise.
 */
package dev.courier.tap;
