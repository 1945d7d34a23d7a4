import { useEffect, useRef } from 'preact/hooks';

/** A step's heading takes the focus when the step appears, so keyboard and screen-reader users land on it. */
export function StepHeading({ text }: { text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <h2 tabIndex={-1} ref={ref}>
      {text}
    </h2>
  );
}
