/**
 * GFN2-xTB as an optional, external check: find the {@code xtb} executable, optimise a molecule and read its
 * HOMO–LUMO gap, with a time limit, cancellation and every failure counted. GFN2-xTB is the level of theory of
 * GaUDI's COMPAS-1x data; xtb is not shipped with GaUDI and nothing here is needed when it is absent.
 */
package org.gaudi.core.xtb;
