// The answer cell keeps the stub; a new cell after it declares dCube again (here: the right formula,
// in a cell the instructor would not read as the answer): that check scores 0, the others count.
//// solved
//// cell dcube
double dCube(double x) {
    // YOUR CODE HERE
    throw new UnsupportedOperationException("not implemented yet: replace this line with your code");
}
//// new after dcube
double dCube(double x) { return 6 * (2 * x - 1) * (2 * x - 1); }
