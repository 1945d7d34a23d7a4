/** "B014": the letter of the service and the day's sequence, three digits wide (four past 999). */
export function formatTicketNumber(letter: string, sequence: number): string {
  return `${letter}${String(sequence).padStart(3, '0')}`;
}
