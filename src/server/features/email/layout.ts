// One e-mail, written twice from the same content: plain text, and simple HTML for phone mail
// apps (one column, inline styles, no images or external assets, system fonts). Hand-written on
// purpose: a template engine (MJML and the like) would bring a compiler and a dependency tree for
// one fixed layout of headings and lists; every value goes through `escapeHtml`.
export interface EmailItem {
  label: string;
  detail?: string;
  href: string;
  /** A second link beside the first (an event's briefing). */
  extra?: { text: string; href: string };
}

export interface EmailSection {
  title: string;
  items?: EmailItem[];
  /** Plain lines (a tally), without links. */
  lines?: string[];
  /** A link under the section ("and 12 more in Círculo", "Weekly review"). */
  more?: { text: string; href: string };
}

export interface EmailContent {
  language: string;
  subject: string;
  intro: string;
  sections: EmailSection[];
  open: { text: string; href: string };
  why: string;
  unsubscribe: { text: string; href: string };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderText(content: EmailContent): string {
  const out: string[] = [content.intro, ''];
  for (const section of content.sections) {
    out.push(section.title, '-'.repeat(section.title.length));
    for (const item of section.items ?? []) {
      out.push(`- ${item.label}${item.detail ? ` (${item.detail})` : ''}`);
      out.push(`  ${item.href}`);
      if (item.extra) out.push(`  ${item.extra.text}: ${item.extra.href}`);
    }
    for (const line of section.lines ?? []) out.push(`- ${line}`);
    if (section.more) out.push(`${section.more.text}: ${section.more.href}`);
    out.push('');
  }
  out.push(`${content.open.text}: ${content.open.href}`, '', '-- ', content.why, `${content.unsubscribe.text}: ${content.unsubscribe.href}`, '');
  return out.join('\n');
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const link = (href: string, text: string, style = '') =>
  `<a href="${escapeHtml(href)}" style="color:#1c7ed6;text-decoration:none;${style}">${escapeHtml(text)}</a>`;

export function renderHtml(content: EmailContent): string {
  const sections = content.sections
    .map((section) => {
      const items = (section.items ?? [])
        .map(
          (item) =>
            `<li style="margin:0 0 10px 0;">${link(item.href, item.label, 'font-weight:600;')}` +
            (item.detail ? `<br><span style="color:#555;font-size:14px;">${escapeHtml(item.detail)}</span>` : '') +
            (item.extra ? ` <span style="font-size:14px;">· ${link(item.extra.href, item.extra.text)}</span>` : '') +
            '</li>',
        )
        .join('');
      const lines = (section.lines ?? []).map((line) => `<li style="margin:0 0 6px 0;">${escapeHtml(line)}</li>`).join('');
      const more = section.more ? `<p style="margin:4px 0 0 0;font-size:14px;">${link(section.more.href, section.more.text)}</p>` : '';
      return (
        `<h2 style="font-size:17px;margin:24px 0 8px 0;color:#222;">${escapeHtml(section.title)}</h2>` +
        `<ul style="margin:0;padding:0 0 0 18px;font-size:16px;line-height:1.4;">${items}${lines}</ul>${more}`
      );
    })
    .join('');
  return (
    `<!doctype html><html lang="${escapeHtml(content.language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f5f7;">` +
    `<div style="max-width:600px;margin:0 auto;padding:16px;background:#ffffff;color:#222;${FONT}">` +
    `<p style="font-size:16px;line-height:1.4;margin:0 0 8px 0;">${escapeHtml(content.intro)}</p>` +
    sections +
    `<p style="margin:28px 0;">${link(content.open.href, content.open.text, 'display:inline-block;padding:10px 18px;background:#1c7ed6;color:#ffffff;border-radius:6px;font-weight:600;')}</p>` +
    `<p style="font-size:12px;color:#777;line-height:1.4;margin:0;">${escapeHtml(content.why)} ${link(content.unsubscribe.href, content.unsubscribe.text, 'color:#777;text-decoration:underline;')}</p>` +
    `</div></body></html>`
  );
}
