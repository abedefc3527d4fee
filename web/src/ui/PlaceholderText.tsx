import { placeholderSegments } from '@shared/rules/templates.js';
import classes from './Placeholders.module.css';

const nameOf = (placeholder: string) => placeholder.replace(/[{}\s]/g, '');

/**
 * Rendered message text, shown as text (never as HTML), with left-over `{{placeholders}}`
 * highlighted; unknown ones (typos) in red.
 */
export function PlaceholderText({ text, unknown = [], component: Component = 'p' }: {
  text: string;
  unknown?: string[];
  component?: 'p' | 'div' | 'span';
}) {
  return (
    <Component className={classes.rendered}>
      <Marks text={text} unknown={unknown} />
    </Component>
  );
}

export function Marks({ text, unknown = [] }: { text: string; unknown?: string[] }) {
  return placeholderSegments(text).map((segment, i) =>
    segment.placeholder ? (
      <mark key={i} className={unknown.includes(nameOf(segment.text)) ? `${classes.mark} ${classes.unknown}` : classes.mark}>
        {segment.text}
      </mark>
    ) : (
      <span key={i}>{segment.text}</span>
    ),
  );
}
