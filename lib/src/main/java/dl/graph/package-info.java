/**
 * Computational graphs (계산 그래프): {@link dl.graph.Value}, a number that records the operation that made
 * it, so that {@code backward()} can apply the chain rule node by node with each operation's local gradient
 * (국소 기울기) — automatic differentiation (자동 미분) in the spirit of micrograd; {@link dl.graph.Values}
 * builds Affine, ReLU, sigmoid and softmax-with-loss from Values; {@link dl.graph.GraphSvg} draws a graph.
 */
package dl.graph;
