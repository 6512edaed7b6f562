// Dates are shown in UTC and said so, so every reader sees the same time.
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

export const formatDate = (value: Date) => date.format(value);
export const formatDateTime = (value: Date) => `${dateTime.format(value)} UTC`;
