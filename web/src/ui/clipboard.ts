// Copying text in one click: the Clipboard API where the page may use it (HTTPS or localhost),
// else the old hidden-textarea trick, which still works over plain HTTP on a LAN address.

export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or no focus: fall through to the fallback.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  Object.assign(area.style, { position: 'fixed', top: '0', left: '0', opacity: '0', pointerEvents: 'none' });
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previousFocus?.focus();
  return copied;
}

/** A `mailto:` link with subject and body; line breaks as CRLF, as RFC 6068 asks. */
export function mailtoHref(to: string, subject: string, body: string): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  const params = [subject && `subject=${encode(subject)}`, body && `body=${encode(body)}`].filter(Boolean).join('&');
  return `mailto:${encodeURI(to)}${params ? `?${params}` : ''}`;
}
