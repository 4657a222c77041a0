package org.uclg.learning.people;

/** The kind of organisation a learner works for; reach reports count local governments by it. */
public enum OrganizationType {
    LOCAL_GOVERNMENT,
    REGIONAL_GOVERNMENT,
    LOCAL_GOVERNMENT_ASSOCIATION,
    NATIONAL_GOVERNMENT,
    INTERNATIONAL_ORGANIZATION,
    CIVIL_SOCIETY,
    ACADEMIA,
    PRIVATE_SECTOR,
    INDIVIDUAL,
    OTHER
}
