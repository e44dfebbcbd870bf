/**
 * Implementation helpers shared by the runtime's public packages. Not API: names and behaviour may
 * change in any release.
 *
 * <p><b>Threading:</b> every class here is loop-confined like the primitives that use it.
 */
package dev.syncopate.runtime.internal;
