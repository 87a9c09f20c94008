/**
 * Model files: {@link org.gaudi.core.model.ModelArchive} (a zip with {@code header.json}, {@code parameters.bin} and
 * optionally {@code optimizer.bin}) and its JSON {@link org.gaudi.core.model.ModelHeader}.
 */
package org.gaudi.core.model;
