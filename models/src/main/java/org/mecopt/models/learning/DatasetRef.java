package org.mecopt.models.learning;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data a model was trained on, as its manifest records it.
 *
 * @param manifestSha256 SHA-256 of the dataset's {@code manifest.json}, which holds every shard's checksum
 * @param solver the solver that labelled it
 * @param rows the rows used
 * @param generator the generator's configuration
 */
public record DatasetRef(String dir, String manifestSha256, String solver, long rows, JsonNode generator) {
}
