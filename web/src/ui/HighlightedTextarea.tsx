import { Textarea, type TextareaProps } from '@mantine/core';
import { forwardRef, useRef, type UIEvent } from 'react';
import { Marks } from './PlaceholderText';
import classes from './Placeholders.module.css';

/**
 * A textarea whose left-over `{{placeholders}}` are highlighted in place: a backdrop with the
 * same text, font and padding draws the marks behind the (transparent) textarea.
 */
export const HighlightedTextarea = forwardRef<HTMLTextAreaElement, TextareaProps & { value: string; unknown?: string[] }>(
  function HighlightedTextarea({ value, unknown, classNames, onScroll, ...props }, ref) {
    const backdrop = useRef<HTMLDivElement>(null);
    const syncScroll = (event: UIEvent<HTMLTextAreaElement>) => {
      if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
      onScroll?.(event);
    };
    return (
      <Textarea
        ref={ref}
        value={value}
        onScroll={syncScroll}
        classNames={{ ...(classNames as object), input: classes.textarea }}
        inputContainer={(children) => (
          <div className={classes.field}>
            <div ref={backdrop} className={classes.backdrop} aria-hidden>
              <Marks text={value} unknown={unknown} />
              {/* A trailing newline collapses in a div but not in a textarea. */}
              {'\u200b'}
            </div>
            {children}
          </div>
        )}
        {...props}
      />
    );
  },
);
