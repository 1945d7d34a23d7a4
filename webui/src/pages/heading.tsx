import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A step's heading takes the focus when the step appears, so keyboard and screen-reader users land on it.
 * A layout effect, not useEffect: the focus moves in the same task that shows the step, so there is no
 * moment (after a paint) when the old button is gone and the focus has fallen back to the page's body.
 */
export function StepHeading({ text }: { text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => ref.current?.focus(), [text]);
  return (
    <h2 tabIndex={-1} ref={ref}>
      {text}
    </h2>
  );
}
