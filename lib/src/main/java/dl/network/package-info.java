/**
 * Networks and their training: {@link dl.network.Sequential} chains layers, {@link dl.network.Mlp}
 * builds multi-layer perceptrons, {@link dl.network.Trainer} runs the mini-batch training loop and
 * returns a {@link dl.network.History}, {@link dl.network.GradientCheck} compares back-propagation
 * with numerical gradients, {@link dl.network.WeightDecay} adds L2 / L1 penalties, {@link dl.network.RandomSearch} draws
 * hyper-parameter settings for a validation-set search.
 */
package dl.network;
