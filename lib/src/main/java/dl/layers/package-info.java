/**
 * Layers (층) of a network, each with {@code forward} and {@code backward} (back-propagation, 역전파):
 * dense, activation, PReLU, batch normalization and dropout. Matrices hold one sample per row.
 */
package dl.layers;
