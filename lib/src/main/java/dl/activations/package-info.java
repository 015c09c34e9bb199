/** Activation functions (활성화 함수) with their derivatives, and the row-wise softmax. */
package dl.activations;
