import { useEffect, useRef, useState } from 'preact/hooks';
import type { TicketStatus } from '../../../shared/contract/ticket-status.ts';

export type TurnMoment = 'near' | 'called';

/** Where the ticket stands for its citizen: near the front, called, or neither. */
export function turnMoment(ticket: TicketStatus): TurnMoment | null {
  if (ticket.state === 'called') return 'called';
  if (ticket.state === 'waiting' && ticket.ahead <= ticket.alertAhead) return 'near';
  return null;
}

/** Two short tones: the page's own sound, no file to load. */
function beep(audio: AudioContext): void {
  for (const [i, hz] of [880, 660].entries()) {
    const tone = audio.createOscillator();
    tone.frequency.value = hz;
    tone.connect(audio.destination);
    const at = audio.currentTime + i * 0.25;
    tone.start(at);
    tone.stop(at + 0.2);
  }
}

/**
 * "Your turn is near" while the page is open: once the citizen switched alerts on (a tap, which is
 * what lets a browser play sound and ask for notifications), each moment (near, called) sounds,
 * vibrates where the phone can, and shows a system notification where allowed, once per ticket
 * and moment, also across a reload of the page.
 */
export function useTurnAlert(token: string, ticket: TicketStatus | undefined, titles: Record<TurnMoment, (number: string) => string>) {
  const storageKey = `fronta-alerts-${token}`;
  const [on, setOn] = useState(() => sessionStorage.getItem(storageKey) !== null);
  const audio = useRef<AudioContext | null>(null);
  const moment = ticket ? turnMoment(ticket) : null;
  useEffect(() => {
    if (!on || !ticket || !moment) return;
    const fired: string[] = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]');
    if (fired.includes(moment)) return;
    sessionStorage.setItem(storageKey, JSON.stringify([...fired, moment]));
    audio.current ??= new AudioContext();
    beep(audio.current);
    navigator.vibrate?.([300, 150, 300]);
    if ('Notification' in window && Notification.permission === 'granted') new Notification(titles[moment](ticket.number), { tag: `${token}-${moment}` });
  }, [on, moment]);
  const switchOn = async () => {
    audio.current ??= new AudioContext();
    await audio.current.resume();
    if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
    // Moments already past when alerts are switched on are not announced: the page shows them.
    const past = moment === 'called' ? ['near', 'called'] : moment === 'near' ? ['near'] : [];
    sessionStorage.setItem(storageKey, JSON.stringify(past));
    setOn(true);
  };
  return { on, switchOn };
}
