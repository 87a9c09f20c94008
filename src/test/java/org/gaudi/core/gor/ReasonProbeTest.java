package org.gaudi.core.gor;

import java.util.*;
import org.junit.Test;

public class ReasonProbeTest {
    @Test
    public void probe() throws Exception {
        Map<String, String> first = new TreeMap<>();
        Map<String, Integer> count = new TreeMap<>();
        RingType[] ts = {RingType.Bn, RingType.Pl, RingType.Bl, RingType.Fu, RingType.Th, RingType.Pd, RingType.Pz, RingType.Bz, RingType.Db, RingType.Cbd};
        for (RingType a : ts) for (RingType b : ts) {
            double[] w = RingGeometryTables.distanceWindow(GorKind.HETERO, a, b);
            if (w == null) continue;
            double d = (w[0] + w[1]) / 2;
            for (int ka = 0; ka < 12; ka++) for (int kb = 0; kb < 12; kb++) {
                double aa = Math.toRadians(30 * ka), ab = Math.toRadians(30 * kb);
                double[][] c = {{0, 0, 0}, {d, 0, 0}};
                double[][] o = {{1.3 * Math.cos(aa), 1.3 * Math.sin(aa), 0}, {d + 1.3 * Math.cos(ab), 1.3 * Math.sin(ab), 0}};
                if (a == RingType.Bn || a == RingType.Cbd) o[0] = c[0].clone();
                if (b == RingType.Bn || b == RingType.Cbd) o[1] = c[1].clone();
                GraphOfRings g = new GraphOfRings(new RingType[] {a, b}, c, o);
                DecodedMolecule m = GorDecoder.decode(g);
                String k = String.valueOf(m.chemicalFailure());
                count.merge(k, 1, Integer::sum);
                first.putIfAbsent(k, a + "-" + b + " d=" + d + " angA=" + 30 * ka + " angB=" + 30 * kb + " : " + m.chemicalFailureMessage() + " smiles=" + m.smiles());
            }
        }
        System.out.println(count);
        first.forEach((k, v) -> System.out.println(k + " => " + v));
    }
}
