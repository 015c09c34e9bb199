/**
 * Recurrent networks (순환 신경망): a recurrent cell and an LSTM cell, one time step each, and the
 * layers that unroll them over a sequence with back-propagation through time.
 */
package dl.recurrent;
