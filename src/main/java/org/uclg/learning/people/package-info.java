/** Accounts, login with bearer JWTs, roles and UCLG's regional sections. */
package org.uclg.learning.people;
