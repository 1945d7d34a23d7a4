/**
 * The chime and the voice, both made in the browser: no sound files to fetch and no cloud
 * service. On the Pi, Chromium speaks through speech-dispatcher with espeak-ng's Czech voice
 * (deploy/README.md); where no Czech voice exists the chime alone plays and the board still shows
 * the call.
 */
let audio: AudioContext | undefined;

export async function chime(): Promise<void> {
  audio ??= new AudioContext();
  const start = audio.currentTime + 0.05;
  // Two tones a sixth apart, the familiar "ding-dong" of a call.
  for (const [k, frequency] of [880, 659].entries()) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + k * 0.45);
    gain.gain.exponentialRampToValueAtTime(0.4, start + k * 0.45 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + k * 0.45 + 0.8);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + k * 0.45);
    oscillator.stop(start + k * 0.45 + 0.85);
  }
  await new Promise((resolve) => setTimeout(resolve, 1300));
}

function czechVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('cs'));
}

export function speak(text: string): Promise<void> {
  const voice = czechVoice();
  if (!voice) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    // A voice that never reports its end must not hold the queue: at most 10 s a call.
    const timer = setTimeout(resolve, 10_000);
    utterance.onend = utterance.onerror = () => {
      clearTimeout(timer);
      resolve();
    };
    speechSynthesis.speak(utterance);
  });
}
