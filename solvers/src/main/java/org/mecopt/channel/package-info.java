/**
 * Seed 001's channel models: path loss, topologies, fading and the effective gains that a
 * {@code org.mecopt.latency.LatencyInstance} is made of. <b>Public API</b> as far as
 * {@code LatencyGenerator.Config} uses it ({@link org.mecopt.channel.ChannelModel}); the other classes
 * are for reproducing the paper's networks.
 */
package org.mecopt.channel;
