import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/**
 * What an action just did, in a live region that is always on the page (so screen readers announce
 * the text when it appears); empty shows nothing.
 */
export function Notice({ text }: { text: string }) {
  return (
    <div aria-live="polite">
      {text ? (
        <MessageBar intent="success">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
