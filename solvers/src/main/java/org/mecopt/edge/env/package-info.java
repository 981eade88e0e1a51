/**
 * Seed 003's task allocation as a multi-agent environment ({@link org.mecopt.edge.env.EdgeAllocationEnv})
 * and its observation/action encoding ({@link org.mecopt.edge.env.EdgeFeatures}). <b>Internal:</b> shared
 * with module {@code models}, not part of the public API; the names in {@code docs/qoe-edge-api.txt} stay stable.
 */
package org.mecopt.edge.env;
