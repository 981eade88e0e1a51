package org.mecopt.models.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Manifest;
import org.mecopt.datasets.Row;
import org.mecopt.latency.LatencyCodec;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.models.learning.DatasetRef;

/**
 * The usable rows of a latency dataset labelled by ICA, as training examples. Instances and labels
 * are read through {@link Features#instance}, {@link Features#powerLabel} and
 * {@link Features#ratioLabel}, the latency family's tensor codec.
 *
 * @param samples in dataset order
 * @param ref the dataset as the model's manifest records it
 */
record LatencyData(List<Sample> samples, DatasetRef ref) {
    /** One usable row: the instance (without magnitudes unless they are the features), its raw input and target. */
    record Sample(LatencyInstance instance, double[] raw, double[] target, double icaLatency) {
    }

    /**
     * The latency dataset in {@code data}.
     *
     * @throws InvalidInstanceException naming {@code --data} when it is not a directory holding a readable
     *     latency dataset: the path is the user's to fix, not a failure of the toolkit
     */
    static DatasetReader open(Path data) {
        if (!Files.isDirectory(data)) {
            throw new InvalidInstanceException("--data", data, Files.exists(data) ? "is a file, not a dataset directory"
                    : "does not exist");
        }
        if (!Files.isRegularFile(data.resolve(Manifest.FILE))) {
            throw new InvalidInstanceException("--data", data, "is not a dataset: it holds no " + Manifest.FILE
                    + " (write one with `mecopt generate latency --out DIR`)");
        }
        DatasetReader reader;
        try {
            reader = DatasetReader.open(data);
        } catch (IOException | RuntimeException e) { // an unreadable or foreign manifest.json
            throw new InvalidInstanceException("--data", data, "is not a readable dataset: " + e.getMessage());
        }
        if (!"latency".equals(reader.manifest().problem())) {
            throw new InvalidInstanceException("--data", data, "holds a " + reader.manifest().problem()
                    + " dataset, not latency");
        }
        return reader;
    }

    static LatencyData load(Path data, Features features, Head head) throws IOException {
        DatasetReader reader = open(data);
        List<Sample> samples = new ArrayList<>();
        for (Row row : reader) {
            if (!Double.isFinite(row.objective()) || !row.label().containsKey(LatencyCodec.POWER)) {
                continue;
            }
            LatencyInstance instance = Features.instance(row);
            double[] target = head.target(Features.powerLabel(row), Features.ratioLabel(row));
            double[] raw = features.raw(instance);
            if (features != Features.MAGNITUDE && instance.channelMagnitude() != null) { // memory: 10× the gains
                instance = new LatencyInstance(instance.subcarrierBandwidthHz(), instance.serverCpuHz(),
                        instance.localComputing(), instance.users(), instance.gain(), null, instance.sharedServerCpu());
            }
            samples.add(new Sample(instance, raw, target, row.objective()));
        }
        if (samples.size() < 10) {
            throw new InvalidInstanceException("--data", data, "has " + samples.size()
                    + " usable rows; training needs at least 10");
        }
        DatasetRef ref = new DatasetRef(data.toAbsolutePath().toString(), Manifest.sha256(data.resolve(Manifest.FILE)),
                reader.manifest().solver(), samples.size(), reader.manifest().configuration());
        return new LatencyData(samples, ref);
    }

    /** The network these samples need; throws if their shapes differ. */
    Architecture architecture(Path data, Features features, Head head, Architecture.Size size) {
        LatencyInstance first = samples.get(0).instance();
        Architecture arch = Architecture.of(first.subcarrierCount(), first.userCount(), features.width(first), head, size);
        for (Sample s : samples) {
            if (s.instance().userCount() != arch.users() || s.instance().subcarrierCount() != arch.subcarriers()
                    || s.raw().length != arch.channels() * arch.height() * arch.width()) {
                throw new InvalidInstanceException("--data", data, "mixes instance shapes");
            }
        }
        return arch;
    }
}
