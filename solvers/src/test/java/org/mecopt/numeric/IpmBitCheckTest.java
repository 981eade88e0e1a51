package org.mecopt.numeric;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not an assertion but a before/after check for refactorings that must not change a bit: prints
 * every result's status, iterations and the exact bits of objective, x, λ, ν and gap on random QPs
 * from 0 and from inside, QCQPs from far starts (Phase I's barrier fallback) and infeasible QCQPs.
 * Run it on both sides and diff the lines starting with {@code BITS}:
 * {@code mvn -B -ntp -q test -pl solvers -Dtest=IpmBitCheckTest -Dmecopt.bits=true | grep BITS}.
 */
class IpmBitCheckTest {
    static String bits(double[] v) {
        long h = 1;
        for (double d : v) {
            h = 31 * h + Double.doubleToRawLongBits(d);
        }
        return Long.toHexString(h);
    }

    static void print(String tag, InteriorPointResult r) {
        System.out.println("BITS " + tag + " " + r.status() + " it=" + r.iterations() + "/" + r.phaseOneIterations()
                + " f=" + Double.toHexString(r.objective()) + " x=" + bits(r.x()) + " l=" + bits(r.lambda())
                + " nu=" + bits(r.nu()) + " gap=" + Double.toHexString(r.gap()) + " " + r.message());
    }

    @Test
    @EnabledIfSystemProperty(named = "mecopt.bits", matches = "true")
    void printInteriorPointBits() {
        InteriorPointSolver solver = new InteriorPointSolver();
        for (long seed = 0; seed < 80; seed++) {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(12);
            int m = rnd.nextInt(20);
            int eqs = rnd.nextInt(Math.min(n, 3));
            RandomQp qp = RandomQp.generate(seed, n, m, eqs);
            ConvexProblem prob = qp.problem();
            print("qp0-" + seed, solver.solve(prob));
            print("qpi-" + seed, solver.solve(prob, qp.interior()));
            double[] centre = qp.interior().clone();
            double radius2 = 0.05 + rnd.nextDouble();
            DMatrixRMaj twoI = CommonOps_DDRM.identity(n);
            CommonOps_DDRM.scale(2, twoI);
            double[] lin = new double[n];
            double cc = 0;
            for (int j = 0; j < n; j++) {
                lin[j] = -2 * centre[j];
                cc += centre[j] * centre[j];
            }
            ConvexProblem ball = ConvexProblem.builder(n).minimize(new QuadraticFunction(qp.p(), qp.q(), 0))
                    .linearInequalities(qp.g(), qp.h()).linearEqualities(qp.a(), qp.b())
                    .subjectTo(new QuadraticFunction(twoI, lin, cc - radius2)).build();
            double[] far = new double[n];
            for (int j = 0; j < n; j++) {
                far[j] = centre[j] + 10 * rnd.nextGaussian();
            }
            print("far-" + seed, solver.solve(ball, far));
            ConvexProblem bad = ConvexProblem.builder(n).minimize(new QuadraticFunction(qp.p(), qp.q(), 0))
                    .linearInequalities(qp.g(), qp.h())
                    .subjectTo(new QuadraticFunction(twoI, lin, cc - radius2))
                    .subjectTo(new QuadraticFunction(twoI, negate(lin, 4), cc - radius2 + 50)).build();
            print("bad-" + seed, solver.solve(bad, far));
        }
    }

    static double[] negate(double[] v, double shift) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = -v[i] + shift;
        }
        return o;
    }
}
