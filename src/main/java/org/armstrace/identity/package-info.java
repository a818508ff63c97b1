/**
 * Who may do what: API bearer tokens for machines (and, as the officer UI grows, users,
 * roles and the access log), and the HTTP security rules that apply them.
 */
package org.armstrace.identity;
