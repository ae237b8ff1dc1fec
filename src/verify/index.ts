/** verify: per-platform checks of a connector image (see verify.ts). */
export { verifyImage, hashSecrets, platformList, connectorTypeOf } from './verify.js';
export type { VerifyOptions, VerifyInputs } from './verify.js';
export { VerifyReportSchema, CheckResultSchema, CHECK_IDS } from './report.js';
export type { VerifyReport, CheckResult, CheckId, CheckStatus } from './report.js';
export { failedChecks, recordedVerify, type FailedCheck } from './failed-checks.js';
/** per-layer facts shared by every verify of this process (bake): stats(), clear() */
export { layerFactsCache } from '../oci/layer-tree.js';
