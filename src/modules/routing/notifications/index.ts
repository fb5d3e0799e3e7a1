// Notifications: in the app, by e-mail (instant, after quiet hours, or a daily digest),
// and to Slack- or Teams-compatible webhook channels.
export { notifyPeople, notifyChannels, type NotificationInput } from './notify.ts';
export { notificationJobs } from './notification.jobs.ts';
export { registerNotificationRoutes } from './notifications.routes.ts';
export type { ChannelMessage } from './channel-delivery.ts';
export { channelIdsOf } from './notification-channels.ts';
export { peopleWithEmailOff, setMyPreferences } from './notification-preferences.ts';
