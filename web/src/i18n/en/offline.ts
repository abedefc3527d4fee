// The installable app: writes kept on the device while offline, and the new-version prompt.
export const offline = {
  offline: {
    queued: 'Saved on this device. It will be sent when you are back online.',
    waiting_one: '{{count}} change waiting',
    waiting_other: '{{count}} changes waiting',
    refused_one: '{{count}} change refused',
    refused_other: '{{count}} changes refused',
    listTitle: 'Changes not sent yet',
    listHint: 'Kept on this device and sent in order as soon as the network is back.',
    offlineNow: 'You are offline.',
    sendNow: 'Send now',
    discard: 'Discard',
    waitingToSend: 'Waiting to send',
    refusedTitle: 'The server refused a change made offline',
    refusedReason: 'Refused: {{reason}}',
    labels: {
      capture: 'Met at an event',
      touch: 'Touch logged',
      contact: 'New contact',
      followupDone: 'Follow-up done',
    },
    updateTitle: 'A new version of Círculo is ready',
    updateBody: 'Reload to use it. Changes waiting to be sent stay on this device.',
    reload: 'Reload',
  },
};
