/**
 * Loss functions (손실 함수) with their gradients: MSE, MAE, binary, categorical and sparse categorical
 * cross-entropy, and the fused softmax + cross-entropy output layer.
 */
package dl.losses;
