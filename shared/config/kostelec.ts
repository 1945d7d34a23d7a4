import type { OfficeInput } from './schema.ts';

/**
 * The town hall of Kostelec nad Orlicí, as its web page describes it (docs/REQUIREMENTS.md):
 * three workplaces, their services, and two kiosks (entrance hall; corridor opposite the lift).
 * The seed gives neither counts nor hours: the counters, capacities, hours, phone numbers and
 * service times below are EXAMPLES, chosen to be plausible for a town of 6,000, not the office's data.
 * The ticket letters are chosen to read unambiguously on the counters' seven-segment LED digits:
 * O would show as 0, Z as 2, S as 5, B as 8, D as 0 (see device/drivers/j5/seven-segment.ts).
 */
const weekdayHours = {
  mon: [{ from: '08:00', to: '17:00' }],
  tue: [{ from: '08:00', to: '14:00' }],
  wed: [{ from: '08:00', to: '17:00' }],
  thu: [{ from: '08:00', to: '14:00' }],
  fri: [{ from: '08:00', to: '12:00' }],
};

export const kostelecOffice: OfficeInput = {
  version: 1,
  office: {
    id: 'kostelec',
    name: { cs: 'Městský úřad Kostelec nad Orlicí', en: 'Municipal Office of Kostelec nad Orlicí' },
    timeZone: 'Europe/Prague',
    country: 'CZ',
    openingHours: weekdayHours,
    closedDates: [],
  },
  workplaces: [
    {
      id: 'pokladna',
      name: { cs: 'Ekonomický odbor – centrální pokladna', en: 'Economic department – central cash desk' },
      phone: '+420 494 337 201',
      email: 'pokladna@example.cz',
      walkInCapacityPerDay: 150,
      openingHours: {
        ...weekdayHours,
        mon: [
          { from: '08:00', to: '11:30' },
          { from: '12:30', to: '17:00' },
        ],
      },
    },
    {
      id: 'spravni',
      name: {
        cs: 'Organizační a správní odbor – občanské průkazy, cestovní doklady, evidence obyvatel',
        en: 'Organisational and administrative department – ID cards, passports, population register',
      },
      phone: '+420 494 337 211',
      email: 'spravni@example.cz',
      walkInCapacityPerDay: 120,
    },
    {
      id: 'doprava',
      name: {
        cs: 'Odbor dopravy a obecní živnostenský úřad',
        en: 'Transport department and municipal trade licensing office',
      },
      phone: '+420 494 337 231',
      email: 'doprava@example.cz',
      walkInCapacityPerDay: 100,
    },
  ],
  services: [
    { id: 'pokladna', workplaceId: 'pokladna', letter: 'P', name: { cs: 'Pokladna', en: 'Cash desk' }, typicalServiceMinutes: 3 },
    {
      id: 'obcanky',
      workplaceId: 'spravni',
      letter: 'A',
      name: { cs: 'Občanské průkazy', en: 'Identity cards' },
      typicalServiceMinutes: 10,
      booking: { slotMinutes: 15, onlinePlaces: { mon: 8, tue: 3, wed: 8, thu: 3, fri: 2 } },
    },
    {
      id: 'pasy',
      workplaceId: 'spravni',
      letter: 'C',
      name: { cs: 'Cestovní doklady', en: 'Travel documents (passports)' },
      typicalServiceMinutes: 12,
      booking: { slotMinutes: 15, onlinePlaces: { mon: 8, tue: 3, wed: 8, thu: 3, fri: 2 } },
    },
    {
      id: 'evidence',
      workplaceId: 'spravni',
      letter: 'E',
      name: { cs: 'Evidence obyvatel', en: 'Population register' },
      typicalServiceMinutes: 8,
      booking: { slotMinutes: 15, onlinePlaces: { mon: 4, wed: 4 } },
    },
    {
      id: 'vozidla',
      workplaceId: 'doprava',
      letter: 'H',
      name: { cs: 'Registr vozidel', en: 'Vehicle register' },
      typicalServiceMinutes: 15,
      booking: { slotMinutes: 20, onlinePlaces: { mon: 6, tue: 2, wed: 6, thu: 2, fri: 2 } },
    },
    {
      id: 'ridici',
      workplaceId: 'doprava',
      letter: 'L',
      name: { cs: 'Registr řidičů', en: 'Driver register' },
      typicalServiceMinutes: 10,
      booking: { slotMinutes: 15, onlinePlaces: { mon: 6, tue: 2, wed: 6, thu: 2, fri: 2 } },
    },
    {
      id: 'zivnosti',
      workplaceId: 'doprava',
      letter: 'F',
      name: { cs: 'Živnostenský rejstřík', en: 'Trade register' },
      typicalServiceMinutes: 15,
      booking: { slotMinutes: 30, onlinePlaces: { mon: 4, wed: 4 } },
    },
  ],
  counters: [
    { id: 'prepazka-1', number: 1, serviceIds: ['pokladna'] },
    { id: 'prepazka-2', number: 2, serviceIds: ['obcanky', 'pasy'] },
    { id: 'prepazka-3', number: 3, serviceIds: ['pasy', 'obcanky'] },
    { id: 'prepazka-4', number: 4, serviceIds: ['evidence', 'obcanky'] },
    { id: 'prepazka-5', number: 5, serviceIds: ['vozidla', 'ridici'] },
    { id: 'prepazka-6', number: 6, serviceIds: ['ridici', 'vozidla'] },
    { id: 'prepazka-7', number: 7, serviceIds: ['zivnosti'] },
  ],
  kiosks: [
    {
      id: 'kiosk-hala',
      name: { cs: 'Vstupní hala u hlavních dveří', en: 'Entrance hall by the front door' },
      buttons: [
        { button: 1, serviceId: 'pokladna' },
        { button: 2, serviceId: 'obcanky' },
        { button: 3, serviceId: 'pasy' },
        { button: 4, serviceId: 'evidence' },
      ],
    },
    {
      id: 'kiosk-chodba',
      name: { cs: 'Chodba naproti výtahu', en: 'Corridor opposite the lift' },
      buttons: [
        { button: 1, serviceId: 'vozidla' },
        { button: 2, serviceId: 'ridici' },
        { button: 3, serviceId: 'zivnosti' },
      ],
    },
  ],
  displays: [
    { id: 'obrazovka-hala', name: { cs: 'Obrazovka ve vstupní hale', en: 'Entrance hall screen' }, kind: 'hall', workplaceIds: ['pokladna', 'spravni'] },
    { id: 'obrazovka-chodba', name: { cs: 'Obrazovka na chodbě', en: 'Corridor screen' }, kind: 'hall', workplaceIds: ['doprava'] },
  ],
};
