/** Reports for trainers, section coordinators and admins: reach, funnel and trend over the other features' data, with the privacy rule, as JSON, CSV and a one-page PDF. */
package org.uclg.learning.reporting;
