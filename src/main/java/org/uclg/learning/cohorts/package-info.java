/** Cohorts that deliver a module, their trainers and seats, trainer certifications and the trainer-of-trainers lineage, and the one rule for who may see or manage a cohort. */
package org.uclg.learning.cohorts;
