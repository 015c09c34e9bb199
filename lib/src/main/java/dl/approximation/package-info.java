/**
 * The universal approximation theorem (보편 근사 정리) made visible: a network with one hidden layer
 * fitted to a function of one variable.
 */
package dl.approximation;
