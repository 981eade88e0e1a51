/**
 * Labelled datasets: many seeded instances of a problem family, each solved by one of its solvers,
 * written as Parquet (or CSV) shards with a {@code manifest.json}, and read back. <b>Public API.</b>
 *
 * <p>Write with {@link org.mecopt.datasets.DatasetGenerator#run}: sample {@code i} depends only on the
 * dataset seed and {@code i}, so any number of threads writes the same rows, and re-running an
 * interrupted request finishes only the missing shards. Read with
 * {@link org.mecopt.datasets.DatasetReader#open}: each {@link org.mecopt.datasets.Row} holds the
 * instance's features and the solver's label as named tensors, which the family's
 * {@link org.mecopt.api.TensorCodec} turns back into an instance and a solution.
 *
 * <pre>{@code
 * ProblemFamily<?, ?, ?> family = ProblemFamilies.get("offloading");
 * DatasetGenerator.run(DatasetGenerator.Request.of(family).withSamples(20).withSeed(1).withOut(dir),
 *         DatasetGenerator.Progress.NONE);
 * for (Row row : DatasetReader.open(dir)) {
 *     System.out.println(row.index() + " " + row.status() + " " + row.objective());
 * }
 * }</pre>
 *
 * <p>The file format (columns, shapes, metadata) and the Python recipe are in {@code docs/datasets.md}.
 */
package org.mecopt.datasets;
