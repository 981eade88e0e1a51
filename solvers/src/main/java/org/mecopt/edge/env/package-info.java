/**
 * Seed 003's task allocation as a multi-agent environment ({@link org.mecopt.edge.env.EdgeAllocationEnv})
 * and its observation/action encoding ({@link org.mecopt.edge.env.EdgeFeatures}).
 */
package org.mecopt.edge.env;
