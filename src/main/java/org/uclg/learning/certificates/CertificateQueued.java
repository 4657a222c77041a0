package org.uclg.learning.certificates;

/** Published in the transaction that queued a certificate job; the worker hears of it after commit. */
record CertificateQueued() {
}
