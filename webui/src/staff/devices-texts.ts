/** The devices page's texts (Zařízení), Czech first; part of StaffTexts (staff-texts.ts). */
export const devicesCs = {
  devices: {
    heading: 'Zařízení',
    intro:
      'Každý kiosek, tlačítkový box u přepážky a obrazovka v hale má svůj vlastní klíč. Nové nebo vyměněné zařízení dostane klíč kódem: vydejte kód a zadejte ho na zařízení. Klíče ostatních zařízení se nemění. Zařízení přidáte nebo odeberete v Nastavení.',
    device: 'Zařízení',
    kind: 'Druh',
    kinds: { kiosk: 'Kiosek', counter: 'Přepážka', display: 'Obrazovka' },
    counter: (n: number) => `Přepážka ${n}`,
    state: 'Stav',
    enrolled: 'Zapojeno',
    notEnrolled: 'Nezapojeno (nemá klíč)',
    online: 'připojeno',
    offline: 'nepřipojeno',
    offer: 'Vydat kód',
    offerAgain: 'Vydat kód pro výměnu',
    revoke: 'Zneplatnit klíč',
    revokeConfirm: (name: string) => `Zneplatnit klíč zařízení ${name}? Hned se odpojí a znovu se připojí až s novým kódem.`,
    revoked: (name: string) => `Klíč zařízení ${name} je zneplatněný; zařízení je odpojené.`,
    code: (code: string, until: string) => `Kód ${code} platí do ${until}, jednou.`,
    typeOn: 'Na zařízení (přihlášeni přes SSH) zadejte:',
  },
};

export const devicesEn: typeof devicesCs = {
  devices: {
    heading: 'Devices',
    intro:
      'Every kiosk, counter button box and hall screen has a key of its own. A new or replaced device gets its key by a code: issue the code and type it on the device. No other device’s key changes. Devices are added and removed in Settings.',
    device: 'Device',
    kind: 'Kind',
    kinds: { kiosk: 'Kiosk', counter: 'Counter', display: 'Screen' },
    counter: (n: number) => `Counter ${n}`,
    state: 'State',
    enrolled: 'Enrolled',
    notEnrolled: 'Not enrolled (no key)',
    online: 'connected',
    offline: 'not connected',
    offer: 'Issue a code',
    offerAgain: 'Issue a code to replace it',
    revoke: 'Revoke the key',
    revokeConfirm: (name: string) => `Revoke the key of ${name}? It disconnects at once and connects again only with a new code.`,
    revoked: (name: string) => `The key of ${name} is revoked; the device is disconnected.`,
    code: (code: string, until: string) => `Code ${code} works once, until ${until}.`,
    typeOn: 'On the device (logged in over SSH) type:',
  },
};
