/** What an action came to: said politely when it worked, announced at once when it failed. */
export function Outcome({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'result' : 'error'}>
      {message.text}
    </p>
  );
}
