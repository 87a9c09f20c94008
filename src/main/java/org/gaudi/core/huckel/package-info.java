/**
 * Simple Hückel (HMO) frontier orbitals of π systems: {@link org.gaudi.core.huckel.HuckelCalculator} (energies in
 * |β| units relative to α, HOMO negative), {@link org.gaudi.core.huckel.PiCentreType} (heteroatom parameters and
 * electron counts), {@link org.gaudi.core.huckel.HuckelCalibration} (linear maps to eV fitted on COMPAS-1D B3LYP),
 * {@link org.gaudi.core.huckel.HuckelProperties} (dataset property names and units) and
 * {@link org.gaudi.core.huckel.HuckelCheck} (correlation figures over a CSV file).
 */
package org.gaudi.core.huckel;
