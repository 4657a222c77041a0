/** Progress through a module's sections, the completion rules that complete an enrollment, learning gain and xAPI statements. */
package org.uclg.learning.progress;
