/** A learner's place in a cohort: applications, seats and waitlists, the enrollment lifecycle up to completion, and bulk roster import. */
package org.uclg.learning.enrollment;
