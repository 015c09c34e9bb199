package dl.calculus;

import static dl.calculus.Differentiable.identity;
import static dl.calculus.Differentiable.linear;
import static dl.calculus.Differentiable.polynomial;
import static dl.calculus.Differentiable.power;
import static dl.calculus.Differentiable.sin;

/**
 * The worked examples of the calculus and gradient-descent lectures (notebooks 02 and 03), each
 * with its analytic derivative f'(x) or partial derivatives f_x, f_y written next to it. The test
 * surfaces of the optimizer lectures (bowls, the saddle, Rosenbrock, …) live in {@code dl.surfaces}.
 */
public final class Examples {

    private Examples() {
    }

    /** f(x) = x² − 4x + 6 = (x − 2)² + 2; f'(x) = 2x − 4; minimum f(2) = 2. */
    public static final Differentiable QUADRATIC = polynomial(6, -4, 1).named("x^2 − 4x + 6");

    /** f(x) = x·sin x; f'(x) = sin x + x·cos x (product rule). Several local minima on [−1, 7]. */
    public static final Differentiable X_SIN_X = identity().times(sin()).named("x·sin x");

    /** f(x) = 3x³ − 2x + 1; f'(x) = 9x² − 2. */
    public static final Differentiable CUBIC = polynomial(1, -2, 0, 3).named("3x^3 − 2x + 1");

    /** f(x) = (2x − 1)³ = cube ∘ (2x − 1); chain rule: f'(x) = 3(2x − 1)²·2 = 6(2x − 1)². */
    public static final Differentiable CHAIN_CUBE = power(3).compose(linear(2, -1)).named("(2x − 1)^3");

    /** f(x) = 0.01x² + 0.1x ("Deep Learning from Scratch", gradient_1d); f'(x) = 0.02x + 0.1. */
    public static final Differentiable DLFS_QUADRATIC = polynomial(0, 0.1, 0.01).named("0.01x^2 + 0.1x");

    /** f(x, y) = 3xy² + 4x³ − 5y² + 1; f_x = 3y² + 12x², f_y = 6xy − 10y. */
    public static final Function2D POLYNOMIAL_2D = new Function2D("3xy^2 + 4x^3 − 5y^2 + 1",
            (x, y) -> 3 * x * y * y + 4 * x * x * x - 5 * y * y + 1,
            (x, y) -> 3 * y * y + 12 * x * x,
            (x, y) -> 6 * x * y - 10 * y);

    /** f(x₀, x₁) = x₀² + x₁² ("Deep Learning from Scratch", gradient_2d); ∇f = (2x₀, 2x₁). */
    public static final Function2D SUM_OF_SQUARES = new Function2D("x0^2 + x1^2",
            (x, y) -> x * x + y * y,
            (x, y) -> 2 * x,
            (x, y) -> 2 * y);
}
