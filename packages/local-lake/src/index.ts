export { startLake, LakeConfigError } from './lake.js'
export { DatasetError } from './dataset/load.js'
export type { Lake, LakeDocument, LakeOptions, WebhookConfig, WebhookOperation, WebhookRetryOptions } from './types.js'
