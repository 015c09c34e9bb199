/**
 * Tensors (텐서): n-dimensional arrays with a shape and strides, from a 0-D scalar to a batch of
 * videos, and the matrix view (one sample per row) that the layers of {@code dl.layers} take.
 */
package dl.tensors;
