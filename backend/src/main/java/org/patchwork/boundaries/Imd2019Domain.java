package org.patchwork.boundaries;

/** The IMD 2019 index and its seven domains: the stored column prefix and the File 2 heading. */
public enum Imd2019Domain {
    IMD("imd", "Index of Multiple Deprivation (IMD)"),
    INCOME("income", "Income"),
    EMPLOYMENT("employment", "Employment"),
    EDUCATION("education", "Education, Skills and Training"),
    HEALTH("health", "Health Deprivation and Disability"),
    CRIME("crime", "Crime"),
    HOUSING("housing", "Barriers to Housing and Services"),
    LIVING_ENVIRONMENT("living_environment", "Living Environment");

    private final String column;
    private final String heading;

    Imd2019Domain(String column, String heading) {
        this.column = column;
        this.heading = heading;
    }

    public String column() {
        return column;
    }

    public String heading() {
        return heading;
    }

    String rankColumnInFile2() {
        return heading + " Rank (where 1 is most deprived)";
    }

    String decileColumnInFile2() {
        return heading + " Decile (where 1 is most deprived 10% of LSOAs)";
    }
}
