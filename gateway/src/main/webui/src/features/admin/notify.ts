import { notifications } from '@mantine/notifications';

/** A short confirmation at the top right; its close button has a name for screen readers. */
export function notify(message: string, color: 'green' | 'red' | 'blue' = 'green') {
  notifications.show({ message, color, closeButtonProps: { 'aria-label': 'Dismiss' } });
}
