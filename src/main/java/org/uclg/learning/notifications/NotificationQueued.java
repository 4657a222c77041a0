package org.uclg.learning.notifications;

/** Published in the transaction that queued a notification; the worker hears of it after commit. */
record NotificationQueued(int count) {
}
