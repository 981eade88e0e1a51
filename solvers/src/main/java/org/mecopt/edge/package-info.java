/**
 * Seed 003's seven-server edge system, for reproducing its Fig. 8 (the experiment {@code qoe-vs-users}).
 * <b>Internal:</b> not part of the public API, may change in any version.
 */
package org.mecopt.edge;
