/** The reports as files: CSV for spreadsheets and the one-page PDF reach summary. */
package org.uclg.learning.reporting.export;
