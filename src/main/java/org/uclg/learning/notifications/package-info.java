/**
 * Notifications: messages to people about what happened to them (enrolment, certificates, their account),
 * written to an outbox in the transaction of the change and sent by email afterwards. Depends only on shared;
 * every feature that tells people something may use it.
 */
package org.uclg.learning.notifications;
