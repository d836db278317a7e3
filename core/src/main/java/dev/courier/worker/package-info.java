/**
 * Instrumented workers and message ports modelled on Node.js {@code worker_threads}: {@link
 * dev.courier.worker.Worker}, {@link dev.courier.worker.MessagePort}, {@link dev.courier.worker.MessageChannel},
 * transferable and shared buffers. Every delivery fact is recorded into a {@code DeliveryLog}. Threads and time
 * are reached only through {@link dev.courier.worker.Scheduler}.
 */
package dev.courier.worker;
