/**
 * The service contract's vocabulary, shared by every module and depending on none: fault levels
 * I/II/III ({@link cn.ebillops.contract.Severity}), the e-bill system's areas ({@link cn.ebillops.contract.Area})
 * and the signing server's grades ({@link cn.ebillops.contract.SigningGrade}). Names are public API
 * (the NLU labels of GUIDELINES.md).
 */
package cn.ebillops.contract;
