import { notifications, type NotificationData } from '@mantine/notifications';

/** A notification whose close button has a name for screen readers. */
export function notify(data: NotificationData) {
  return notifications.show({ closeButtonProps: { 'aria-label': 'Close notification' }, ...data });
}
