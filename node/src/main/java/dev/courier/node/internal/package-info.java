/** Implementation of the Node.js runner: binary checks, the instrumentation file, fact parsing and recording. */
package dev.courier.node.internal;
