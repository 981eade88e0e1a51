package org.mecopt.numeric;
import org.junit.jupiter.api.Test;
class InteriorPointScratchTest {
    @Test
    void ball() {
        double[] c = {1, 2};
        ConvexProblem problem = ConvexProblem.builder(2).minimize(QuadraticFunction.linear(c, 0))
                .subjectTo(QuadraticFunction.sumOfSquares(2, 1.0)).build();
        for (double[] x0 : new double[][] {{0.67, 0.67}, {0.3, 0.3}, {-0.67, -0.67}, {3, 3}, {0.7, -0.7}}) {
            InteriorPointResult r = new InteriorPointSolver().solve(problem, x0);
            System.err.println("RES " + r.status() + " it " + r.iterations() + " p1 " + r.phaseOneIterations() + " obj " + r.objective());
        }
        ConvexProblem eq = ConvexProblem.builder(2).minimize(QuadraticFunction.linear(new double[] {1, 0}, 0))
                .subjectTo(QuadraticFunction.sumOfSquares(2, 1.0)).linearEquality(new double[] {1, 1}, 5).build();
        InteriorPointResult r = new InteriorPointSolver().solve(eq);
        System.err.println("RES eq " + r.status() + " it " + r.iterations() + " p1 " + r.phaseOneIterations() + " " + r.message());
        ConvexProblem eq2 = ConvexProblem.builder(2).minimize(QuadraticFunction.linear(new double[] {1, 0}, 0))
                .subjectTo(QuadraticFunction.sumOfSquares(2, 1.0)).linearEquality(new double[] {1, 1}, 0.5).build();
        r = new InteriorPointSolver().solve(eq2, new double[] {3, -1});
        System.err.println("RES eq2 " + r.status() + " it " + r.iterations() + " p1 " + r.phaseOneIterations() + " " + r.message());
    }
}
