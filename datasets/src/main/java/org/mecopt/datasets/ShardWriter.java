package org.mecopt.datasets;

import java.io.Closeable;
import java.io.IOException;

/** Writes the rows of one shard, in index order, to a file that is complete once closed. */
interface ShardWriter extends Closeable {
    void write(Row row) throws IOException;
}
