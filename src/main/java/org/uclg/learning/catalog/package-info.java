/** The catalogue: modules and their sections in English, Spanish and French, synced from the course-content files. */
package org.uclg.learning.catalog;
