/**
 * Whole-system task allocation policies for seed 003's edge system and their registry
 * ({@link org.mecopt.edge.policy.EdgePolicies}; learned policies register via
 * {@link org.mecopt.edge.policy.EdgePolicyProvider}). <b>Internal:</b> shared with module {@code models},
 * not part of the public API.
 */
package org.mecopt.edge.policy;
