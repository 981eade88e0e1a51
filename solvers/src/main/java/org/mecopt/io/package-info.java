/**
 * The JSON contract of the command line and atomic file writes. <b>Internal:</b> not part of the
 * public API, may change in any version (the JSON formats themselves are documented in the README).
 */
package org.mecopt.io;
