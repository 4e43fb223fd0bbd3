/**
 * A function to minimise over a parameter vector. When `gradient` is given it must be filled
 * with ∂f/∂θ; objectives without an analytic gradient are wrapped by {@link withNumericGradient}.
 */
export type Objective = (theta: Float64Array, gradient: Float64Array | null) => number;

/**
 * Adds a central-difference gradient to a value-only function. The step is scaled to the cube
 * root of machine precision, the optimum for central differences of a smooth function.
 *
 * @example
 * const f = withNumericGradient((t) => t[0] * t[0]);
 * const g = new Float64Array(1);
 * f(Float64Array.from([3]), g); // g[0] ≈ 6
 */
export function withNumericGradient(value: (theta: Float64Array) => number): Objective {
  return (theta, gradient) => {
    const f = value(theta);
    if (gradient) {
      const probe = Float64Array.from(theta);
      for (let i = 0; i < theta.length; i++) {
        const h = 6e-6 * Math.max(1, Math.abs(theta[i]));
        probe[i] = theta[i] + h;
        const up = value(probe);
        probe[i] = theta[i] - h;
        const down = value(probe);
        probe[i] = theta[i];
        gradient[i] = (up - down) / (2 * h);
      }
    }
    return f;
  };
}
