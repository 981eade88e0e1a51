/**
 * The interior-point method for smooth convex programs that the solvers use. <b>Internal:</b> not part
 * of the public API, may change in any version.
 */
package org.mecopt.numeric;
