/**
 * The perceptron (퍼셉트론): Rosenblatt's single artificial neuron with a step activation and its
 * error-correction learning rule w ← w + η(t − y)x.
 */
package dl.perceptron;
