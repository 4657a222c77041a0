package org.uclg.learning.events;

/** What kind of peer-learning event; a LIVE_SESSION of a cohort is one of its module's live-session sections. */
public enum EventKind {
    WEBINAR, PEER_EXCHANGE, WORKSHOP, LEARNING_FORUM, LIVE_SESSION, HUB_GATHERING
}
