package org.mecopt.models.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A block's parameter values written to and read back into an initialized block of the same
 * architecture, in place. Why not {@code Block.loadParameters}: it replaces the parameter arrays,
 * and the new ones are not the arrays gradients and optimizer moments were attached to.
 */
public final class BlockParameters {
    private BlockParameters() {
    }

    public static void save(Block block, DataOutputStream out) throws IOException {
        out.writeInt(block.getParameters().size());
        for (Pair<String, Parameter> p : block.getParameters()) {
            float[] values = p.getValue().getArray().toFloatArray();
            out.writeUTF(p.getKey());
            out.writeInt(values.length);
            ReplayBuffer.writeFloats(out, values, values.length);
        }
    }

    public static void load(Block block, DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count != block.getParameters().size()) {
            throw new IOException("saved " + count + " parameters, the network has " + block.getParameters().size());
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = in.readUTF();
            NDArray array = p.getValue().getArray();
            float[] values = new float[in.readInt()];
            if (!name.equals(p.getKey()) || values.length != array.size()) {
                throw new IOException("saved parameter " + name + " (" + values.length + " values) does not fit "
                        + p.getKey() + " " + array.getShape());
            }
            ReplayBuffer.readFloats(in, values, values.length);
            array.set(values);
        }
    }
}
