/**
 * The service contract's vocabulary, shared by every module and depending on none: fault levels
 * I/II/III ({@link cn.ebillops.contract.Severity}), the e-bill system's areas ({@link cn.ebillops.contract.Area}),
 * the signing server's grades ({@link cn.ebillops.contract.SigningGrade}) and the quarterly inspection
 * items 一.2–16 and 二.3 ({@link cn.ebillops.contract.ContractItems}). Names are public API (the NLU
 * labels of GUIDELINES.md).
 */
@ApplicationModule(displayName = "合同词汇 contract", allowedDependencies = {})
package cn.ebillops.contract;

import org.springframework.modulith.ApplicationModule;
