/** Certificates of completion and of certified trainers: issued after completion, rendered as PDF, verified in public, revoked and reissued, and offered as Open Badges 3.0 credentials. */
package org.uclg.learning.certificates;
