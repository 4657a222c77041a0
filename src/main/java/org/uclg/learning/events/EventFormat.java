package org.uclg.learning.events;

/** Where an event happens: ONLINE has a join link, IN_PERSON a venue, HYBRID both. */
public enum EventFormat {
    ONLINE, IN_PERSON, HYBRID;

    public boolean hasVenue() {
        return this != ONLINE;
    }

    public boolean hasJoinUrl() {
        return this != IN_PERSON;
    }
}
