/**
 * Argument checks, the one place for them: {@link dl.checks.Checks} (null, sizes, indices) and
 * {@link dl.checks.Finite} (a NaN or ±∞ refused where it enters, with its row and column). Every public
 * boundary of the library calls them, so that bad input gets a clear message naming the argument.
 */
package dl.checks;
