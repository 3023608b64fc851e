package org.patchwork.hotspots;

/**
 * How well a hotspot layer predicts: Chainey, Tompson and Uhlig (2008), "The utility of hotspot mapping for
 * predicting spatial patterns of crime", Security Journal 21; Levine (2008) for the Recapture Rate Index.
 */
public final class PredictiveAccuracy {

    private PredictiveAccuracy() {
    }

    /**
     * PAI = (n / N) / (a / A): the share of all N crimes that fell in the hotspots (n) over the share of the
     * study area A they cover (a). 1 is no better than chance; higher is better.
     */
    public static double pai(double crimesInHotspots, double allCrimes, double hotspotArea, double studyArea) {
        if (!(allCrimes > 0) || !(hotspotArea > 0) || !(studyArea >= hotspotArea) || !(crimesInHotspots >= 0)) {
            throw new IllegalArgumentException("PAI needs crimes, a hotspot area and a study area at least as large");
        }
        return (crimesInHotspots / allCrimes) / (hotspotArea / studyArea);
    }

    /**
     * RRI = (n₂ / n₁) / (N₂ / N₁): how the hotspots' count moved from the period they were built on (1) to
     * the next (2), relative to the whole area's. Near 1 the hotspots kept their share; below 1 they lost it.
     */
    public static double recaptureRateIndex(double hotspotCrimesBuilt, double allCrimesBuilt,
            double hotspotCrimesNext, double allCrimesNext) {
        if (!(hotspotCrimesBuilt > 0) || !(allCrimesBuilt > 0) || !(allCrimesNext > 0) || !(hotspotCrimesNext >= 0)) {
            throw new IllegalArgumentException("RRI needs crimes in the hotspots in the period they were built on");
        }
        return (hotspotCrimesNext / hotspotCrimesBuilt) / (allCrimesNext / allCrimesBuilt);
    }
}
