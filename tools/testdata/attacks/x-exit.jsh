// The kernel exits during a check (System.exit inside the method the check calls).
//// solved
//// cell gradf
double[] gradF(double x, double y) {
    System.exit(0);
    return null;
}
