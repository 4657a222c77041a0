/** The SQL of the reports: reach (with event figures), funnel and trend, over the reporting view and the other features' tables. */
package org.uclg.learning.reporting.queries;
