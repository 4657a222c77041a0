/** What every feature uses and none owns: problem+json errors (and the responses the OpenAPI document lists for them), the OpenAPI document itself, paging, the clock, languages and message bundles, the public address and the seat-counting rule; it imports no feature. */
package org.uclg.learning.shared;
