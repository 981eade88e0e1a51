/**
 * Sigmoidal programming (sigmoids, concave envelopes, branch and bound) behind the {@code qoe} solver.
 * <b>Internal:</b> not part of the public API, may change in any version.
 */
package org.mecopt.numeric.sigmoidal;
