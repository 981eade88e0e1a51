/**
 * Upper references for seed 003's edge system: the certified Lagrangian bound over server prices
 * ({@link org.mecopt.edge.bound.LagrangianBound}) and the exact optimum of small systems
 * ({@link org.mecopt.edge.bound.ExactAllocation}). <b>Internal:</b> not part of the public API.
 */
package org.mecopt.edge.bound;
