/** Posts the bot makes by itself: announcements, scheduled digests, notices; through one outbox. */
export { Announcer, ANNOUNCE, type AnnounceTarget } from './announcer.js';
export { DEFAULT_DELIVERY_SETTINGS, Delivery, type DeliveryDeps, type DeliverySettings } from './hub.js';
export { NoticeBoard } from './notices.js';
export { DELIVER, Outbox, type DeliveryPayload, type DeliverySource } from './outbox.js';
export { describeGone, nonceOf, restPoster, type ChannelPoster, type GoneReason, type PostResult } from './poster.js';
export { DeliveryLog, type DeliveryRecord, type DeliveryStatus } from './records.js';
export { BURST_THRESHOLD, renderAnnouncement, renderAnnouncements, renderDigest } from './render.js';
export { canonicalZone, describeRule, formatLocal, formatTimeOfDay, knownZones, nextDue, parseTimeOfDay, WEEKDAYS, type Every, type ScheduleRule } from './schedule-time.js';
export { DIGEST, ScheduleLimitError, Scheduler, type Schedule } from './schedules.js';
