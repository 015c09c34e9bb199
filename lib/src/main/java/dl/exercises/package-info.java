/**
 * Helpers of the graded exercises: {@link dl.exercises.Check} answers a check cell at
 * once — pass, or a hint about what is wrong — and {@link dl.exercises.NumericalGradient} is the
 * reference for back-propagation by hand. See docs/exercises.md.
 */
package dl.exercises;
