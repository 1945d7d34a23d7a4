/**
 * What an input of the settings needs to show its own problem beside it, tied to it for a screen
 * reader; a `warning` (the value is accepted, but worth knowing about) does not mark it invalid.
 */
export function problemOf(id: string, text: string | undefined, warning = false) {
  return {
    input: text ? { ...(warning ? {} : { 'aria-invalid': 'true' as const }), 'aria-describedby': `${id}-problem` } : {},
    note: text ? (
      <p class={warning ? 'warning' : 'error'} id={`${id}-problem`}>
        {text}
      </p>
    ) : null,
  };
}
