/**
 * The {@code cnn-lstm} learned solver of problem {@code latency} (seed 001 §IV): a CNN-LSTM trained on
 * {@code ica}'s labels that predicts the powers, finished by a few sweeps of power balancing.
 * <b>Public API:</b> the entry points below; the network's parts may change.
 *
 * <p>Solve with {@code SolverRegistry.get(LatencyInstance.class, "cnn-lstm")}: without the solver
 * parameter {@code model} it uses the model bundled for seed 001's default setting (K = 10, N = 4,
 * M = 64, cell-free) and answers UNSUPPORTED for other shapes. Pick it over {@code ica} when many
 * instances of one shape must be solved fast (about 100 times faster, within about 1 % of
 * {@code ica} at the median); pick {@code ica} when every instance counts.
 *
 * <ul>
 *   <li>{@link org.mecopt.models.latency.CnnLstmSolver}: the solver.</li>
 *   <li>{@link org.mecopt.models.latency.LatencyTrainer}: train a model on a {@code latency} dataset.</li>
 *   <li>{@link org.mecopt.models.latency.LatencyModel}: load a trained model and predict.</li>
 *   <li>{@link org.mecopt.models.latency.LatencyEvaluator}: the gap to a test set's labels, and timing.</li>
 * </ul>
 *
 * <p>Runs offline: the PyTorch native library comes in a jar ({@code ai.djl.offline=true} is set unless
 * the caller chose otherwise) and is unpacked once into DJL's cache ({@code ~/.djl.ai}, or
 * {@code DJL_CACHE_DIR}). Details: {@code docs/models.md}.
 */
package org.mecopt.models.latency;
