/** Loopback Discord emulator for end-to-end tests and benchmarks. See tests/discord/harness.ts for usage. */
export { Emulator, startEmulator, type EmulatorOptions, type RateLimitRule, type RecordedRequest } from './emulator.js';
export { InteractionHandle, CallbackType, InteractionType, type InteractionResponse, type RejectedCall } from './handle.js';
export type { RecordedMessage, MessageComponent } from './messages.js';
export type { Violation, ViolationKind } from './responses.js';
export type { InteractionContext, OptionValue, AttachmentInput } from './payloads.js';
export { OptionType } from './payloads.js';
export type { EmulatedUser, EmulatedChannel, World } from './world.js';
export { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS } from './world.js';
export { GatewayClose, type IdentifyRecord } from './gateway.js';
export { Limits, embedLength } from './limits.js';
export type { FieldError } from './errors.js';
