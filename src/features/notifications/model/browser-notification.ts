/** Whether this page may show browser notifications; `unsupported` where the API is missing. */
export type BrowserPermission = NotificationPermission | 'unsupported';

export function browserPermission(): BrowserPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the person for permission (browsers only ask after a click, and only until they answer). */
export async function requestBrowserPermission(): Promise<BrowserPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

/** Shows a browser notification; false when not permitted (the caller then shows it in the app). */
export function showBrowserNotification(
  title: string,
  options: { body: string; tag: string; onClick: () => void },
): boolean {
  if (browserPermission() !== 'granted') return false;
  try {
    const n = new Notification(title, { body: options.body, tag: options.tag });
    n.onclick = () => {
      window.focus();
      options.onClick();
      n.close();
    };
    return true;
  } catch {
    // Some browsers (Chrome on Android) only allow notifications from a service worker.
    return false;
  }
}
